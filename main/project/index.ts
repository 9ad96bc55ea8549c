/** The import project file: prepared offline, validated and uploaded later by the app or the CLI. */
export { PROJECT_EXTENSION, PROJECT_VERSION, ProjectSchema, type Project, type ProjectSource } from './model.ts';
export { checkSource, isProjectPath, readProject, sourceOf, writeProject, type SourceCheck } from './file.ts';
