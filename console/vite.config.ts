import { defineConfig } from 'vite';

// The build writes straight into the Maven module's class output, under META-INF/resources: Quarkus serves that
// folder of any jar on its class path, so the service serves the console without copying anything.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npm run dev` against a running `./dcx up`: API calls go to the service.
    proxy: { '/api': 'http://127.0.0.1:8080', '/q': 'http://127.0.0.1:8080' },
  },
});
