/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig = {
  // Separate build folders let several e2e runs (different E2E_PORT) build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // `npm test` runs `tsc --noEmit` as its own step; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // Native/WASM server packages are loaded by Node, not bundled.
  // pdf.js loads its worker module and font data from its own folder at run time; piscina starts
  // its worker threads from its own files.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'bcryptjs', 'docx', 'playwright-core', 'pdfjs-dist', 'linkedom', 'piscina'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
