/** Word lists for the synthetic district: common US names (ASCII only), school namesakes, courses. */
const words = (text: string): readonly string[] => Object.freeze(text.trim().split(/\s+/));

/** A name as it goes into an email address: lower case, letters and digits only. */
export const lower = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export const FIRST_NAMES = words(`
  James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
  Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret
  Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa
  George Deborah Timothy Stephanie Ronald Dorothy Jason Rebecca Edward Sharon Jeffrey Laura Ryan Cynthia Jacob
  Amy Gary Kathleen Nicholas Angela Eric Shirley Jonathan Brenda Stephen Emma Larry Anna Justin Pamela Scott
  Nicole Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel Patrick Carolyn
  Frank Janet Raymond Maria Jack Olivia Dennis Heather Jerry Helen Tyler Catherine Aaron Diane Jose Julie Adam
  Victoria Nathan Joyce Henry Lauren Zachary Kelly Douglas Christina Peter Ruth Kyle Joan Noah Virginia Ethan
  Judith Jeremy Evelyn Christian Hannah Walter Andrea Keith Megan Austin Cheryl Roger Jacqueline Terry Madison
  Sean Teresa Gerald Abigail Carl Sophia Dylan Martha Harold Sara Jordan Gloria Jesse Janice Bryan Kathryn
  Lawrence Ann Arthur Isabella Gabriel Judy Bruce Charlotte Logan Julia Billy Grace Joe Amber Alan Alice Juan
  Denise Elijah Danielle Willie Marilyn Albert Beverly Wayne Natalie Randy Theresa Mason Diana Vincent Brittany
  Liam Doris Roy Kayla Bobby Alexis Caleb Lori Bradley Tiffany Russell Marie Lucas Jasmine Aiden Mia Luis
  Camila Carlos Sofia Diego Valentina Mateo Ximena Wei Mei Hiroshi Yuki Priya Arjun Aisha Omar Fatima Malik
  Imani Kwame Amara DeShawn Keisha Tariq Leila Nguyen Linh Minh Thanh Jin Soo Hye Andre Marisol Rosa Javier
`);

export const LAST_NAMES = words(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
  Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis
  Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera
  Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
  Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim
  Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
  Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
  Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds
  Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford
  Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman
  Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon
  Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice
  Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer
  Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong
  Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards
  Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins Greene
  Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin Dominguez Carr
  Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims
  Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez
`);

export const SCHOOL_NAMESAKES = words(`
  Lincoln Washington Roosevelt Jefferson Kennedy Franklin Madison Hamilton Adams Jackson Riverside Lakeview
  Hillcrest Oakwood Maple_Ridge Cedar_Park Sunset Fairview Pine_Valley Westwood Eastside Northgate Southview
  Brookside Meadowbrook Highland Valley_View Mountain_View Willow_Creek Parkside Sequoia Redwood Aspen Cypress
  Magnolia Sycamore Evergreen Bayview Harbor Prairie Canyon Mesa Summit Ridgeway Clearwater Stonebridge
  Kingsley Sojourner_Truth Harriet_Tubman Cesar_Chavez Sally_Ride Amelia_Earhart Rosa_Parks Thurgood_Marshall
  Frederick_Douglass Booker_T_Washington Eleanor_Roosevelt Dolores_Huerta Mae_Jemison Ruby_Bridges
`).map((w) => w.replace(/_/g, ' '));

export const DISTRICT_NAMES = words(`
  Riverside Lakeview Hillcrest Oakwood Fairview Westwood Brookside Highland Clearwater Stonebridge Maple_Grove
  Cedar_Falls Pine_Bluff Willow_Springs Eagle_Rock Silver_Lake
`).map((w) => w.replace(/_/g, ' '));

/** Courses by school level. None may look like a web address (class-teacher name-url). */
export const COURSES = {
  elementary: words(`
    Homeroom Reading Writing Mathematics Science Social_Studies Art Music Physical_Education Library Spanish
    Computer_Lab
  `).map((w) => w.replace(/_/g, ' ')),
  secondary: words(`
    English_9 English_10 English_11 English_12 Algebra_I Geometry Algebra_II Pre-Calculus AP_Calculus_AB
    Statistics Biology Chemistry Physics Earth_Science AP_Biology World_History US_History Government Economics
    Spanish_I Spanish_II French_I Chinese_I Health Physical_Education Art_I Ceramics Band Choir Orchestra
    Drama Computer_Science Robotics Journalism Psychology Math_7 Math_8 Science_7 Science_8 ELA_6 ELA_7 ELA_8
  `).map((w) => w.replace(/_/g, ' ')),
};

export const RELATIONSHIPS = words(
  'Mother Father Mother Father Guardian Grandmother Grandfather Aunt Uncle Stepmother',
);

/** US area codes that libphonenumber-js accepts for every exchange 200–999 (checked by a test). */
export const AREA_CODES: readonly number[] = words(`
  201 205 206 212 213 214 215 216 217 218 219 224 225 228 229 231 234 239 240 248 251 252 253 254 256 260 262
  267 269 270 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 318 319 320 321 323 325 330
  334 336 337 339 347 351 352 360 361 385 386 401 402 404 405 406 407 408 409 410 412 413 414 415 417 419 423
  424 425 430 432 434 435 440 442 443 469 470 475 478 479 480 484 501 502 503 504 505 507 508 509 510 512 513
  515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 573 574 575 580 585 586 601 602 603 605 606
  607 608 609 610 612 614 615 616 617 618 619 620 623 626 630 631 636 641 646 650 651 660 661 662 678 682 701
  702 703 704 706 707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 747 754 757 760 763 765
  770 772 773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832
  843 845 847 848 850 856 857 858 859 860 862 863 864 865 870 872 878 901 903 904 906 907 908 909 910 912 913
  914 915 916 917 918 919 920 925 928 931 936 937 940 941 947 949 951 952 954 956 970 971 972 973 978 979 980
  985 989
`).map(Number);
