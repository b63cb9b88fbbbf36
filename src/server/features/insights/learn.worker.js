// Worker threads do not inherit the TypeScript loader the app server registered: register it, then start.
import { register } from "tsx/esm/api";

register();
await import("./learn.worker.ts");
