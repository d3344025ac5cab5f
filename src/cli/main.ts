import { type FlagSpec, type ParsedArgs, UsageError, parseArgs } from "./args";
import { InputError } from "../xlsx/errors";
import type { Io } from "./commands/common";

const HELP = `支部表格助手 zhibu — 党员花名册等工作表的模板、校验与汇总

用法：
  zhibu template [roster|schedule|evaluation|ballot|all] [-o FILE] [--branch NAME] [--sample N] [--force]
      生成带下拉选项、日期校验和表内检查的空白模板（--sample N 填入 N 行虚构示例数据）
  zhibu validate FILE [--format text|json] [--as-of YYYY-MM-DD] [--sheet NAME] [--lang en]
      校验工作簿；退出码 0 无错误（可有警告），1 有错误，2 无法运行
  zhibu summarize FILE [-o OUT.xlsx] [--format text|json] [--as-of YYYY-MM-DD] [--no-mask] [--force]
      汇总统计；-o 写出可打印的汇总工作簿（身份证号、电话默认脱敏）
  zhibu aggregate FILE... -o OUT.xlsx [--as-of YYYY-MM-DD] [--format text|json] [--force]
      多个支部的工作簿汇总为一个工作簿：每表每支部一行加合计，另附文件清单（FILE 也可以是文件夹）；有文件跳过或无法读取时退出码为 1
      屏幕上列出本年度发展党员、党龄、35岁及以下和党龄50年党员的各支部数与合计（--format json 输出同样的数字）
  zhibu fix FILE -o OUT.xlsx [--only RULE[,RULE…]] [--dry-run] [--format text|json] [--force]
      写出修正副本：只改能确定正确值的单元格（空格、“汉”→“汉族”、15位身份证号升18位、标准党费、文本日期…），
      列出每处改动；图表、数据透视表、宏等原样保留。退出码 0 修正后无错误，1 仍有需核对的错误，2 无法运行
  zhibu export FILE --form national -o OUT.xlsx [--as-of YYYY-MM-DD] [--force]
      把花名册写成全国党员管理信息系统的「党员基本信息汇总表」（含完整身份证号，未脱敏）
  zhibu import-plan TEXTFILE [-o FILE] [--year YYYY] [--range each|first] [--branch NAME] [--force]
      把工作计划中的月度工作安排（“三月份：”“1、…”“（支部，4—7月份）”）转成月度工作安排表

FILE 可以是 .xlsx、.xlsm、.xls、.ods、网页导出的 .xls、.csv（UTF-8 或 GBK）或 Unicode 文本 .txt。zhibu 从不改写输入文件；输出文件已存在时需加 --force。
统计截止日期默认取「设置」表，再默认今天；--as-of 优先。
`;

interface Command {
  readonly flags: Readonly<Record<string, FlagSpec>>;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Each command's module loads only when it runs, so `validate` never loads the template writer. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  template: async () => {
    const m = await import("./commands/template");
    return { flags: m.templateFlags, run: m.runTemplate };
  },
  validate: async () => {
    const m = await import("./commands/validate");
    return { flags: m.validateFlags, run: m.runValidate };
  },
  summarize: async () => {
    const m = await import("./commands/summarize");
    return { flags: m.summarizeFlags, run: m.runSummarize };
  },
  aggregate: async () => {
    const m = await import("./commands/aggregate");
    return { flags: m.aggregateFlags, run: m.runAggregate };
  },
  fix: async () => {
    const m = await import("./commands/fix");
    return { flags: m.fixFlags, run: m.runFix };
  },
  export: async () => {
    const m = await import("./commands/export");
    return { flags: m.exportFlags, run: m.runExport };
  },
  "import-plan": async () => {
    const m = await import("./commands/import-plan");
    return { flags: m.importPlanFlags, run: m.runImportPlan };
  },
};

function defaultIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderr: process.stderr,
  };
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.out("zhibu 0.1.0\n");
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`zhibu: 未知命令 ${name}。可用命令：${Object.keys(COMMANDS).join("、")}；zhibu --help 查看用法\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(HELP);
    return 0;
  }
  try {
    const command = await load();
    return await command.run(parseArgs(rest, { ...command.flags }), io);
  } catch (e) {
    if (e instanceof UsageError) io.err(`zhibu ${name}: ${e.message}\n`);
    else if (e instanceof InputError) io.err(`zhibu: ${e.message}\n`);
    else {
      const msg = e instanceof Error ? e.message : String(e);
      io.err(`zhibu ${name}: 处理失败：${msg.split("\n")[0]}。如反复出现，请把文件另存为 .xlsx 后重试。\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
