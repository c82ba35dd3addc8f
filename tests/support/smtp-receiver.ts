import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/*
 * A loopback mail server for tests and journeys: smtp-server accepts any sender (no TLS, login
 * optional, as a relay on localhost would), mailparser reads each mail back into its parts.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** the envelope's recipients, as the client gave them */
  envelopeTo: string[];
  at: number;
}

/**
 * - "ok": accept every mail;
 * - "reject-rcpt": refuse every recipient with 550 (no such mailbox);
 * - "temporary": refuse the sender with 421 (service not available, try later).
 */
export type SmtpBehaviour = "ok" | "reject-rcpt" | "temporary";

export interface SmtpReceiver {
  /** smtp://127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  behave(behaviour: SmtpBehaviour): void;
  /** resolves once `count` mails arrived */
  waitForReceived(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function refusal(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return ([] as AddressObject[])
    .concat(value ?? [])
    .flatMap((group) => group.value.map((entry) => entry.address ?? ""))
    .filter(Boolean);
}

export async function startSmtpReceiver({
  behaviour = "ok",
  port = 0,
}: {
  behaviour?: SmtpBehaviour;
  /** a fixed port, for a server started before the receiver (the journeys'); by default any free one */
  port?: number;
} = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  let now = behaviour;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (now === "temporary") return callback(refusal(421, "Service not available, try again later"));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (now === "reject-rcpt") return callback(refusal(550, `<${address.address}>: mailbox unavailable`));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: mail.from?.text ?? "",
            to: addresses(mail.to),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            at: Date.now(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const listening = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${listening}`,
    received,
    behave(next) {
      now = next;
    },
    async waitForReceived(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`${received.length} of ${count} mails arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
