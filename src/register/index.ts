/**
 * `node --import pyasync/register main.py`: Node runs and imports .py files
 * directly, compiled when loaded (module customization hooks, as tsx does
 * for TypeScript). The hooks run in Node's loader thread (./hooks.js); each
 * module they compile comes back here through a message port, so that
 * tracebacks (in this thread) read the JS and source map Node ran.
 */
import { register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { addCompiledSources, type CompiledSource } from '../../runtime/traceback/compiled.js';
import type { CompiledMessage } from './hooks.js';

const { port1, port2 } = new MessageChannel();
// Never listened to: read only when a traceback is printed, so it keeps no process alive.
port1.unref();
register('./hooks.js', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });

/** Each module's text and map (JSON, parsed when one of its frames is first printed). */
const compiled = new Map<string, { js: string; map: string | CompiledSource['map'] }>();

addCompiledSources((url) => {
  // Every module that ran was posted before Node had its source: all of them are queued by now.
  for (let message = receiveMessageOnPort(port1); message !== undefined; message = receiveMessageOnPort(port1)) {
    const { url: moduleUrl, js, map } = message.message as CompiledMessage;
    compiled.set(moduleUrl, { js, map });
  }
  const found = compiled.get(url);
  if (found === undefined) return null;
  if (typeof found.map === 'string') found.map = JSON.parse(found.map) as CompiledSource['map'];
  return { js: found.js, map: found.map };
});
