/**
 * Node's `net` module, loaded on first use: nothing the runtime's entry
 * points import statically may name it, so bundles for the browser build
 * (where a connection raises instead).
 */
import type * as Net from 'node:net';
import { NotImplementedError } from '../builtins/exceptions.js';

export type NetModule = typeof Net;

type NodeProcess = { getBuiltinModule?(id: string): unknown; versions?: { node?: string } };

let loaded: NetModule | null = null;

export async function loadNet(): Promise<NetModule> {
  if (loaded !== null) return loaded;
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (proc?.versions?.node === undefined) {
    throw new NotImplementedError('asyncio network connections need Node.js (its net module)');
  }
  let net = proc.getBuiltinModule?.('node:net') as NetModule | undefined;
  if (net === undefined) {
    // A specifier bundlers do not try to resolve: this line only runs on Node.
    const specifier = ['node', 'net'].join(':');
    net = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as NetModule;
  }
  loaded = net;
  return net;
}
