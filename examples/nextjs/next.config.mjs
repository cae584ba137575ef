/** @type {import('next').NextConfig} */
const nextConfig = {
  // Deterministic, offline builds: no source maps to upload, nothing fetched at build time.
  productionBrowserSourceMaps: false,
};

export default nextConfig;
