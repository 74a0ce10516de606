import { mount } from 'svelte';
import App from './App.svelte';
import './global.css';

mount(App, { target: document.getElementById('app')! });

// Offline use (src/sw/service-worker.ts). Only the built site has sw.js; it sits beside index.html,
// so the relative URL works wherever the site is hosted. Without it the page simply needs the network.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      console.warn('Roster Check will not work offline: the service worker was not registered.', error);
    });
  });
}
