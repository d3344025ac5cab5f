import type { EvaluationSummary } from "./evaluation";
import type { BallotSummary } from "./ballot";
import { type SummaryTable, countRows } from "./table";
import { GRADES } from "../templates/evaluation";
import { BALLOT_RESULTS } from "../templates/ballot";

export function evaluationTables(s: EvaluationSummary): SummaryTable[] {
  const graded = Object.values(s.byGrade).reduce((a, b) => a + b, 0);
  return [
    {
      title: "按等次",
      columns: ["等次", "人数", "比例"],
      rows: countRows(s.byGrade, GRADES, graded),
      percentColumns: [2],
    },
    {
      title: "优秀比例",
      columns: ["项目", "人数"],
      rows: [
        ["优秀上限", s.excellentQuota.limit],
        ["已评优秀", s.excellentQuota.used],
      ],
    },
    {
      title: "按部门",
      columns: ["部门", "人数", "平均分", "最高分", "最低分"],
      rows: Object.entries(s.byDepartment).map(([d, f]) => [d, f.count, f.average, f.max, f.min]),
    },
    { title: "各项目平均分", columns: ["项目", "平均分"], rows: Object.entries(s.itemAverages) },
    {
      title: "总分排名",
      columns: ["名次", "姓名", "部门", "总分", "等次"],
      rows: s.ranked.map((e) => [e.rank, e.name, e.department, e.total, e.grade]),
    },
  ];
}

export function ballotTables(s: BallotSummary): SummaryTable[] {
  const rated = Object.values(s.byResult).reduce((a, b) => a + b, 0);
  return [
    {
      title: "按评议结果",
      columns: ["评议结果", "人数", "比例"],
      rows: countRows(s.byResult, BALLOT_RESULTS, rated),
      percentColumns: [2],
    },
    {
      title: "测评票统计",
      columns: ["姓名", "应参评人数", "优秀票", "合格票", "基本合格票", "不合格票", "优秀率", "评议结果"],
      rows: s.people.map((p) => [
        p.name,
        p.voters ?? "",
        p.excellent ?? "",
        p.pass ?? "",
        p.basicPass ?? "",
        p.fail ?? "",
        p.excellentRate ?? "",
        p.result,
      ]),
      percentColumns: [6],
    },
  ];
}
