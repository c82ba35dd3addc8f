// Runs the app's start-up the way Next's production server runs it, without a build, for
// tests/integration/failed-start.test.ts: next-server.js fires prepare() — which awaits
// instrumentation's register() — from its constructor with a catch that only logs, while the HTTP
// server is already listening, and every request awaits that same promise again. So a register()
// that throws leaves a server answering 500 forever; one that stops the process ends this one too.
// CommonJS (a .ts file under tsx), as the app's modules load there, so their dynamic imports resolve.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { register } from "../../instrumentation";

const prepared = register();
prepared.catch((error) => console.error("Failed to prepare server", error));

const server = createServer((_request, response) => {
  prepared.then(
    () => response.end("ok"),
    () => {
      response.statusCode = 500;
      response.end();
    },
  );
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ event: "harness.listening", port: (server.address() as AddressInfo).port }));
});
