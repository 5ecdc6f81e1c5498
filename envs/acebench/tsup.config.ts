import { defineLibraryBuild } from '../../tsup.shared.js';

export default defineLibraryBuild();
