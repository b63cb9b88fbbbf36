import { makeTemplates } from "./server.ts";

export default async function globalSetup() {
  return makeTemplates();
}
