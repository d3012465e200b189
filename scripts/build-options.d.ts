import type {BuildOptions} from 'esbuild';

export declare const sharedOptions: BuildOptions & {readonly external: string[]};
