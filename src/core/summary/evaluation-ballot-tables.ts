import type { Lang } from "../messages/types";
import type { EvaluationSummary } from "./evaluation";
import type { BallotSummary } from "./ballot";
import { type SummaryTable, countRows } from "./table";
import { GRADES } from "../templates/evaluation";
import { BALLOT_RESULTS } from "../templates/ballot";
import { termText } from "../messages/vocab";

const LABELS = {
  "zh-CN": {
    byGrade: "按等次",
    grade: "等次",
    people: "人数",
    share: "比例",
    quota: "优秀比例",
    item: "项目",
    limit: "优秀上限",
    used: "已评优秀",
    byDepartment: "按部门",
    departmentColumns: ["部门", "人数", "平均分", "最高分", "最低分"],
    items: "各项目平均分",
    itemColumns: ["项目", "平均分"],
    ranking: "总分排名",
    rankingColumns: ["名次", "姓名", "部门", "总分", "等次"],
    byResult: "按评议结果",
    result: "评议结果",
    ballots: "测评票统计",
    ballotColumns: ["姓名", "应参评人数", "优秀票", "合格票", "基本合格票", "不合格票", "优秀率", "评议结果"],
  },
  en: {
    byGrade: "By grade",
    grade: "Grade",
    people: "People",
    share: "Share",
    quota: "Excellent quota",
    item: "Item",
    limit: "Excellent at most",
    used: "Graded Excellent",
    byDepartment: "By department",
    departmentColumns: ["Department", "People", "Average", "Highest", "Lowest"],
    items: "Average score per item",
    itemColumns: ["Item", "Average"],
    ranking: "Ranking by total",
    rankingColumns: ["Rank", "Name", "Department", "Total", "Grade"],
    byResult: "By appraisal result",
    result: "Result",
    ballots: "Ballot count",
    ballotColumns: [
      "Name",
      "Voters",
      "Excellent votes",
      "Competent votes",
      "Basically competent votes",
      "Incompetent votes",
      "Excellent rate",
      "Result",
    ],
  },
} as const;

export function evaluationTables(s: EvaluationSummary, lang: Lang = "zh-CN"): SummaryTable[] {
  const L = LABELS[lang];
  const term = (k: string) => termText(k, lang, true);
  const graded = Object.values(s.byGrade).reduce((a, b) => a + b, 0);
  return [
    {
      title: L.byGrade,
      columns: [L.grade, L.people, L.share],
      rows: countRows(s.byGrade, GRADES, graded, term),
      percentColumns: [2],
    },
    {
      title: L.quota,
      columns: [L.item, L.people],
      rows: [
        [L.limit, s.excellentQuota.limit],
        [L.used, s.excellentQuota.used],
      ],
    },
    {
      title: L.byDepartment,
      columns: L.departmentColumns,
      rows: Object.entries(s.byDepartment).map(([d, f]) => [term(d), f.count, f.average, f.max, f.min]),
    },
    { title: L.items, columns: L.itemColumns, rows: Object.entries(s.itemAverages) },
    {
      title: L.ranking,
      columns: L.rankingColumns,
      rows: s.ranked.map((e) => [e.rank, e.name, term(e.department), e.total, term(e.grade)]),
    },
  ];
}

export function ballotTables(s: BallotSummary, lang: Lang = "zh-CN"): SummaryTable[] {
  const L = LABELS[lang];
  const term = (k: string) => termText(k, lang, true);
  const rated = Object.values(s.byResult).reduce((a, b) => a + b, 0);
  return [
    {
      title: L.byResult,
      columns: [L.result, L.people, L.share],
      rows: countRows(s.byResult, BALLOT_RESULTS, rated, term),
      percentColumns: [2],
    },
    {
      title: L.ballots,
      columns: L.ballotColumns,
      rows: s.people.map((p) => [
        p.name,
        p.voters ?? "",
        p.excellent ?? "",
        p.pass ?? "",
        p.basicPass ?? "",
        p.fail ?? "",
        p.excellentRate ?? "",
        term(p.result),
      ]),
      percentColumns: [6],
    },
  ];
}
