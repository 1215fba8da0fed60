/**
 * Building a .py entry with each bundler through its JS API, the way a
 * project's build script would, with source maps on and nothing minified.
 */
import { join } from 'node:path';
import { build as viteBuild, type InlineConfig } from 'vite';
import { rollup } from 'rollup';
import { build as esbuild } from 'esbuild';
import webpack from 'webpack';
import { pyasync } from '../../src/plugin/index.js';

export type Bundler = 'vite' | 'rollup' | 'esbuild' | 'webpack';
export const BUNDLERS: readonly Bundler[] = ['vite', 'rollup', 'esbuild', 'webpack'];

/** What a failed build reported: the bundler's own error objects' text, and the position when the bundler keeps one. */
export interface BuildFailure {
  message: string;
  id?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** Builds `entry` into `outDir/main.js` (+ `.map`); returns the bundle's path. */
export async function bundle(bundler: Bundler, entry: string, outDir: string): Promise<string> {
  const outFile = join(outDir, 'main.js');
  switch (bundler) {
    case 'vite':
      await viteBuild(viteConfig(entry, outDir));
      return outFile;
    case 'rollup': {
      const result = await rollup({ input: entry, plugins: [pyasync.rollup()], logLevel: 'silent' });
      await result.write({ file: outFile, format: 'es', sourcemap: true });
      await result.close();
      return outFile;
    }
    case 'esbuild':
      await esbuild({
        entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20',
        outfile: outFile, sourcemap: true, logLevel: 'silent', plugins: [pyasync.esbuild()],
      });
      return outFile;
    case 'webpack':
      await runWebpack(entry, outDir);
      return outFile;
  }
}

export function viteConfig(entry: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'silent',
    plugins: [pyasync.vite()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      target: 'esnext',
      lib: { entry, formats: ['es'], fileName: () => 'main.js' },
    },
  };
}

function runWebpack(entry: string, outDir: string): Promise<void> {
  const compiler = webpack({
    mode: 'none',
    context: outDir,
    entry,
    target: 'node20',
    devtool: 'source-map',
    experiments: { outputModule: true },
    output: { path: outDir, filename: 'main.js', module: true, chunkFormat: 'module', library: { type: 'module' } },
    plugins: [pyasync.webpack()],
    infrastructureLogging: { level: 'error' },
  });
  return new Promise((done, fail) => {
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) fail(error);
        else if (stats?.hasErrors()) fail(new Error(stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message).join('\n')));
        else done();
      });
    });
  });
}
