/**
 * `node --import pyasync/register main.py`: Node runs and imports .py files
 * directly, compiled when loaded (module customization hooks, as tsx does
 * for TypeScript). The hooks run in Node's loader thread (./hooks.js).
 */
import { register } from 'node:module';

register('./hooks.js', import.meta.url);
