import { PassThrough } from "node:stream";
import { Progress } from "../../src/cli/progress";

function capture(isTTY: boolean) {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean };
  stream.isTTY = isTTY;
  let text = "";
  (stream as unknown as PassThrough).on("data", (d: Buffer) => (text += d.toString("utf8")));
  return { stream, text: () => text };
}

describe("progress on stderr", () => {
  test("off for small inputs: nothing is written", () => {
    const out = capture(true);
    const p = new Progress(false, out.stream);
    p.stage("正在读取");
    p.tick("正在校验 1/2");
    p.done();
    expect(out.text()).toBe("");
  });

  test("not a terminal: stages as plain lines, no ticks, no control codes", () => {
    const out = capture(false);
    const p = new Progress(true, out.stream);
    p.stage("正在读取 a.xlsx");
    p.tick("正在校验 4096/100000 行");
    p.done();
    expect(out.text()).toBe("正在读取 a.xlsx\n");
  });

  test("a terminal: one line rewritten in place and cleared at the end", () => {
    const out = capture(true);
    const p = new Progress(true, out.stream);
    p.stage("正在读取 a.xlsx");
    p.done();
    expect(out.text()).toBe("\r\u001b[K正在读取 a.xlsx\r\u001b[K");
  });
});
