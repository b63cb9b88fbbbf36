/** A real SMTP server started by a test: it accepts every mail and keeps it, parsed, for the test to read. */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export async function startSmtp() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The first mail to `address` that arrives after `after` mails had, within `ms`. */
    async waitFor(address: string, after = 0, ms = 15_000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = mails.slice(after).find((m) => JSON.stringify(m.to).includes(address));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail to ${address} arrived (${mails.length} in all)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
