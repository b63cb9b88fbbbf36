import { describe, expect, it } from "vitest";
import { digestMessage, roomMessage } from "./messages.ts";

describe("mails", () => {
  it("a room invitation carries the buyer's link and the unsubscribe link, and escapes what people wrote", () => {
    const m = roomMessage({
      kind: "invitation",
      buyerName: "Dana <script>",
      sellerName: "Ann",
      accountName: "Contoso",
      decisionTitle: "Close <b>faster</b>",
      roomUrl: "https://c.test/room/abc",
      note: "See you & thanks",
      unsubscribeUrl: "https://c.test/unsubscribe/xyz",
    });
    expect(m.subject).toBe("Ann shared the plan for “Close <b>faster</b>”");
    expect(m.text).toContain("https://c.test/room/abc");
    expect(m.text).toContain("https://c.test/unsubscribe/xyz");
    expect(m.html).toContain("Dana &lt;script&gt;");
    expect(m.html).toContain("See you &amp; thanks");
    expect(m.html).not.toContain("<script>");
  });

  it("a check-in request asks for confidence", () => {
    const m = roomMessage({
      kind: "checkin_request",
      buyerName: "Dana",
      sellerName: "Ann",
      accountName: "Contoso",
      decisionTitle: "Close faster",
      roomUrl: "https://c.test/room/abc",
      note: null,
      unsubscribeUrl: "https://c.test/u/x",
    });
    expect(m.subject).toMatch(/how confident are you/);
  });

  it("the digest counts what needs looking at and says so when nothing does", () => {
    const empty = digestMessage({
      managerName: "Max",
      atRisk: [],
      reviewsDue: [],
      slipping: [],
      fallingConfidence: [],
      appUrl: "https://c.test",
      unsubscribeUrl: "https://c.test/u/x",
    });
    expect(empty.subject).toBe("Your team's week: all on track");
    const busy = digestMessage({
      managerName: "Max",
      atRisk: [
        { title: "A", account: "C", reasons: ["no economic buyer"], url: "https://c.test/decisions/1" },
      ],
      reviewsDue: [],
      slipping: [{ title: "B", step: "Security review", daysLate: 6, url: "https://c.test/decisions/2" }],
      fallingConfidence: [],
      appUrl: "https://c.test",
      unsubscribeUrl: "https://c.test/u/x",
    });
    expect(busy.subject).toBe("Your team's week: 2 things to look at");
    expect(busy.text).toContain("“Security review”, 6 days past the customer's date");
  });
});
