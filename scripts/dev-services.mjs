// The example services `npm run dev` starts beside the backend, the demo site and the inbox.
// Each is a plain Node script on a loopback port of its own (from 5180 up); it reads the
// ports and the local backend's demo.json from the environment below. Add a service here.
export const EXAMPLE_SERVICES = [
  { name: "bot webhook", script: "examples/bot-webhook/server.mjs", portVariable: "OPENCOM_BOT_PORT", port: 5180 },
  { name: "custom apps", script: "examples/apps/serve.mjs", portVariable: "OPENCOM_APPS_PORT", port: 5181 },
];
