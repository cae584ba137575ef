// The example services `npm run dev` starts beside the backend, the demo site and the inbox.
// Each is a plain Node script on a loopback port of its own (from 5180 up); it reads the
// ports and the local backend's demo.json from the environment below. Add a service here.
export const EXAMPLE_SERVICES = [
  { name: "custom apps", script: "examples/apps/serve.mjs", portVariable: "OPENCOM_APPS_PORT", port: 5181 },
  { name: "gateway service", script: "examples/gateway-service/server.mjs", portVariable: "OPENCOM_GATEWAY_PORT", port: 5182 },
  { name: "local mailbox", script: "examples/mailbox/serve.mjs", portVariable: "OPENCOM_MAILBOX_PORT", port: 5183 },
];
