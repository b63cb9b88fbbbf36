import nodemailer, { type Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailStatus {
  enabled: boolean;
  ok: boolean;
  /** What is wrong, in words an admin can act on; null when mail goes out. */
  problem: string | null;
  from: string;
}

/**
 * Sends mail over SMTP (SMTP_URL). Off without it; a broken value or an unreachable server is reported in
 * Settings and by each mail that cannot go, and never stops the app.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private problem: string | null = null;

  constructor(
    readonly smtpUrl: string | undefined,
    readonly from: string,
  ) {
    this.transport = null;
    if (!smtpUrl) return;
    try {
      const url = new URL(smtpUrl);
      if (!["smtp:", "smtps:"].includes(url.protocol)) throw new Error("scheme");
      // Timeouts short enough that a dead server fails a job (which is retried) instead of holding it.
      this.transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as never);
    } catch {
      this.problem = "SMTP_URL is not an smtp:// or smtps:// address (smtp://user:password@host:587).";
    }
  }

  get enabled() {
    return Boolean(this.smtpUrl);
  }

  status(): MailStatus {
    return {
      enabled: this.enabled,
      ok: this.enabled && !this.problem,
      problem: this.problem,
      from: this.from,
    };
  }

  /** Checks the server answers and accepts the credentials; the result shows in Settings. */
  async verify() {
    if (!this.transport) return this.status();
    try {
      await this.transport.verify();
      this.problem = null;
    } catch (error) {
      this.problem = `The mail server at ${hostOf(this.smtpUrl!)} could not be used: ${(error as Error).message}`;
    }
    return this.status();
  }

  async send(mail: Mail) {
    if (!this.transport) throw new Error(this.problem ?? "Email is off: SMTP_URL is not set.");
    try {
      await this.transport.sendMail({ from: this.from, ...mail });
      this.problem = null;
    } catch (error) {
      this.problem = `The mail server at ${hostOf(this.smtpUrl!)} refused or could not be reached: ${(error as Error).message}`;
      throw error;
    }
  }
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "SMTP_URL";
  }
};
