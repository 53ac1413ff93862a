import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a locally running engine (default port 8080).
const engine = process.env.ENGAGE_URL || 'http://localhost:8080';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modeler page is one large chunk by nature (camunda-bpmn-js); it loads only on that page.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    // The element templates come from the bpmn module beside this one.
    fs: { allow: ['..'] },
    proxy: {
      '/api': engine,
      '/login': engine,
      '/logout': engine,
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.js'],
  },
});
