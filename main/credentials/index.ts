/** Accounts: secrets in the OS keychain, the rest in `accounts.json` in the user-data folder. */
export {
  AccountBrandSchema,
  AccountInputSchema,
  AccountSchema,
  AuthKindSchema,
  CustomerChoiceSchema,
  type Account,
  type AccountBrand,
  type AccountInput,
  type AccountView,
  type AuthKind,
  type CustomerChoice,
  type SecretStatus,
} from './account.ts';
export { Accounts, AccountChangesSchema, MAX_SECRET_LENGTH, type AccountChanges, type AccountCredentials, type AccountsListing, type AccountsOptions } from './accounts.ts';
export { KEYCHAIN_SERVICE, KeytarStore, type KeytarApi, type KeytarStoreOptions } from './keytar-store.ts';
export { SETTINGS_FILE_NAME } from './settings-file.ts';
export { MemoryStore, type CredentialStore } from './store.ts';
export { isRejection, testConnection, type ConnectionOutcome, type ConnectionReport, type ConnectionTestDeps } from './test-connection.ts';
