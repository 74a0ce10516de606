// @vitest-environment jsdom
/**
 * Roster values are text, never markup: school, person and class names and file names that look
 * like HTML are shown literally, wherever the page shows them, and no element is made from them.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { checked, district } from '../../tests/fixtures/worker-district.ts';
import App from './App.svelte';
import { connections, FakeClient } from '../../tests/fixtures/fake-client.ts';

afterEach(cleanup);

const SCHOOL = '<img src=x onerror=alert(1)>';
const TEACHER = '<script>alert(2)</script>';
const CLASS = '<b onmouseover=alert(3)>Math</b>';
const FILE = '<svg onload=alert(4)>.csv';

function hostileDistrict(): Record<string, string> {
  const files = district(1);
  files['schools.csv'] = files['schools.csv'].replace('North', SCHOOL);
  files['teachers.csv'] = files['teachers.csv'].replace('Teacher,N0', `${TEACHER},N0`);
  files['classes.csv'] = files['classes.csv'].replace('Math', `"${CLASS}"`).replace(',tz,', ',t404,');
  // No enrollment makes a teacher its owner: the class is reported (teacher-unknown), with its name.
  files['enrollments.csv'] = files['enrollments.csv'].replace('s2,c1,tz\n', '');
  return { ...files, [FILE]: 'a,b\n1,2\n' };
}

/** Elements or attributes that only markup taken from the roster could have made. */
function injected(): string[] {
  const found: string[] = [];
  for (const el of document.body.querySelectorAll('script, img, svg, b')) found.push(el.tagName);
  for (const el of document.body.querySelectorAll('*'))
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
  return found;
}

describe('roster values on the page', () => {
  it('are shown literally, as text, and make no element', async () => {
    const { api, report } = await checked(hostileDistrict());
    const client = new FakeClient(api);
    render(App, { options: { connect: connections(client).connect } });
    await fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));
    client.lastRun.resolve(report);

    // The file name, in the table of file problems.
    const files = await screen.findByRole('table', { name: 'File problems by file' });
    expect(within(files).getByText(FILE)).toBeTruthy();

    // The school name, in the schools table and as the heading of its detail.
    const schools = screen.getByRole('table', { name: 'Schools' });
    await fireEvent.click(within(schools).getByRole('button', { name: SCHOOL }));
    expect(screen.getByRole('heading', { name: SCHOOL })).toBeTruthy();

    // The teacher's and the class's names, in the affected records.
    const teachers = screen.getByRole('region', { name: report.rules['teacher-email'].title });
    await fireEvent.click(within(teachers).getByRole('button', { name: /^Show 1 record/ }));
    expect(await within(teachers).findByText(`${TEACHER} N0`)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'All schools' }));
    await fireEvent.click(screen.getByRole('button', { name: 'South' }));
    const classes = screen.getByRole('region', { name: report.rules['class-teacher'].title });
    await fireEvent.click(within(classes).getByRole('button', { name: /^Show 1 record/ }));
    expect(await within(classes).findByText(CLASS)).toBeTruthy();

    expect(injected()).toEqual([]);
  });
});
