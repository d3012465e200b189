// The failure types are defined in core so pure code can explain them; the network side imports
// them from here.
export type {Failure, NetworkCode, RestError, Result, Step} from '../core/failure.js';
