/** OneRoster 1.1 and 1.2 CSV files as Remind reads them (formats.md). All standard columns are expected. */
import type { FileSpec } from './types.ts';

const cols = (list: string, optional: string[] = []) =>
  list.split(/\s+/).map((name) => ({ name, required: !optional.includes(name) }));

const MANIFEST: FileSpec = {
  name: 'manifest.csv',
  required: 'yes',
  entity: 'manifest',
  columns: cols('propertyName value'),
};

const ORGS: FileSpec = {
  name: 'orgs.csv',
  required: 'yes',
  entity: 'org',
  columns: cols('sourcedId status dateLastModified name type identifier parentSourcedId'),
  defines: { kinds: ['school', 'org'], column: 'sourcedId' },
  names: [{ column: 'name', kind: 'school', when: { column: 'type', value: 'school' } }],
};

const SESSIONS: FileSpec = {
  name: 'academicSessions.csv',
  required: 'no',
  entity: 'academic session',
  columns: cols('sourcedId status dateLastModified title type startDate endDate parentSourcedId schoolYear'),
  defines: { kinds: ['session'], column: 'sourcedId' },
};

const COURSES: FileSpec = {
  name: 'courses.csv',
  required: 'no',
  entity: 'course',
  columns: cols(
    'sourcedId status dateLastModified schoolYearSourcedId title courseCode grades orgSourcedId subjects subjectCodes',
  ),
  defines: { kinds: ['course'], column: 'sourcedId' },
};

const USERS_11: FileSpec = {
  name: 'users.csv',
  required: 'yes',
  entity: 'user',
  columns: cols(
    'sourcedId status dateLastModified enabledUser orgSourcedIds role username userIds givenName familyName ' +
      'middleName identifier email sms phone agentSourcedIds grades password',
  ),
  defines: { kinds: ['person'], column: 'sourcedId' },
};

/** 1.2 moves orgs and roles to roles.csv; 1.2.1 exports drop resourceSourcedIds (22 columns). */
const USERS_12: FileSpec = {
  ...USERS_11,
  columns: cols(
    'sourcedId status dateLastModified enabledUser username userIds givenName familyName middleName identifier ' +
      'email sms phone agentSourcedIds grades password userMasterIdentifier resourceSourcedIds preferredGivenName ' +
      'preferredMiddleName preferredFamilyName primaryOrgSourcedId pronouns',
    ['resourceSourcedIds'],
  ),
};

const ROLES: FileSpec = {
  name: 'roles.csv',
  required: 'yes',
  entity: 'role',
  columns: cols(
    'sourcedId status dateLastModified userSourcedId roleType role beginDate endDate orgSourcedId userProfileSourcedId',
  ),
};

const CLASSES: FileSpec = {
  name: 'classes.csv',
  required: 'yes',
  entity: 'class',
  columns: cols(
    'sourcedId status dateLastModified title grades courseSourcedId classCode classType location schoolSourcedId ' +
      'termSourcedIds subjects subjectCodes periods',
  ),
  defines: { kinds: ['class'], column: 'sourcedId' },
  names: [{ column: 'title', kind: 'class' }],
};

const ENROLLMENTS: FileSpec = {
  name: 'enrollments.csv',
  required: 'yes',
  entity: 'enrollment',
  columns: cols(
    'sourcedId status dateLastModified classSourcedId schoolSourcedId userSourcedId role primary beginDate endDate',
  ),
};

const DEMOGRAPHICS: FileSpec = {
  name: 'demographics.csv',
  required: 'soft',
  entity: 'demographics',
  columns: cols(
    'sourcedId status dateLastModified birthDate sex americanIndianOrAlaskaNative asian blackOrAfricanAmerican ' +
      'nativeHawaiianOrOtherPacificIslander white demographicRaceTwoOrMoreRaces hispanicOrLatinoEthnicity ' +
      'countryOfBirthCode stateOfBirthAbbreviation cityOfBirth publicSchoolResidenceStatus',
  ),
};

export const ONEROSTER_11_FILES = [
  MANIFEST,
  ORGS,
  SESSIONS,
  COURSES,
  USERS_11,
  CLASSES,
  ENROLLMENTS,
  DEMOGRAPHICS,
];
export const ONEROSTER_12_FILES = [
  MANIFEST,
  ORGS,
  SESSIONS,
  COURSES,
  USERS_12,
  ROLES,
  CLASSES,
  ENROLLMENTS,
  DEMOGRAPHICS,
];

/** Standard files Remind does not read: present in a full export, never reported as ignored. */
export const ONEROSTER_OTHER_FILES = [
  'categories.csv',
  'classresources.csv',
  'courseresources.csv',
  'lineitems.csv',
  'resources.csv',
  'results.csv',
  'userprofiles.csv',
  'scorescales.csv',
  'lineitemlearningobjectiveids.csv',
  'lineitemscorescales.csv',
  'resultlearningobjectiveids.csv',
  'resultscorescales.csv',
];

/** The manifest properties the binding defines (1.1 and 1.2: a 1.1 manifest naming a 1.2 file is no typo). */
export const ONEROSTER_MANIFEST_PROPERTIES = [
  'manifest.version',
  'oneroster.version',
  'source.systemName',
  'source.systemCode',
  ...[
    'academicSessions categories classes classResources courses courseResources demographics enrollments',
    'lineItems orgs resources results users roles userProfiles userResources lineItemLearningObjectiveIds',
    'lineItemScoreScales resultLearningObjectiveIds resultScoreScales scoreScales',
  ]
    .join(' ')
    .split(' ')
    .map((file) => `file.${file}`),
];
