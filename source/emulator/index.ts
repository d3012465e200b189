// The emulator's public API. It imports nothing of the app: a bug shared by the client and the
// emulator would hide itself.
export type {EmulatorOptions, FaultKind, FaultRule} from './options.js';
export {startEmulator, type EmulatorOrg, type RunningEmulator} from './start.js';
