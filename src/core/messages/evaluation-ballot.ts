import type { MessagePart } from "./part";
import { termText } from "./vocab";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

export const evaluationBallotMessages: MessagePart = {
  messages: {
    "zh-CN": {
      "eval.items.none": (p) => `没有找到考核项目列：项目列的表头应写成“名称(分值)”，例如“${s(p["example"])}”`,
      "eval.weights.sum": (p) => `${s(p["items"])} 个考核项目的分值合计为 ${s(p["sum"])}，不是 100，请核对各项分值`,
      "eval.score.range": (p) =>
        p["max"] === ""
          ? `「${s(p["header"])}」${s(p["value"])} 不能为负数`
          : `「${s(p["header"])}」${s(p["value"])} 超出范围，应在 ${s(p["min"])}–${s(p["max"])} 之间`,
      "eval.score.missing": (p) => `「${s(p["header"])}」没有打分`,
      "eval.total.mismatch": (p) => `总分 ${s(p["total"])} 与各项得分之和加减分（${s(p["expected"])}）不符`,
      "eval.grade.threshold": (p) =>
        `总分 ${s(p["total"])} 对应的等次应为“${s(p["expected"])}”，现为“${s(p["grade"])}”`,
      "eval.grade.veto": (p) => `师德一票否决为“是”，等次应为“不合格”，现为“${s(p["grade"])}”`,
      "eval.grade.quota": (p) =>
        `优秀 ${s(p["used"])} 人，超过比例上限（${s(p["quota"])}% × ${s(p["graded"])} 人，最多 ${s(p["limit"])} 人）`,
      "eval.rank.mismatch": (p) => `排名应为 ${s(p["expected"])}（按总分并列同名次），现为 ${s(p["rank"])}`,
      "eval.duplicate": (p) => `同一部门同名人员重复：第 ${s(p["rows"])} 行`,
      "ballot.votes.exceed": (p) => `四类票数合计 ${s(p["votes"])} 张，超过应参评人数 ${s(p["voters"])}`,
      "ballot.grade.quota": (p) =>
        `评议为优秀 ${s(p["used"])} 人，超过比例上限（${s(p["quota"])}% × ${s(p["rated"])} 人，最多 ${s(p["limit"])} 人）`,
      "ballot.grade.majority": (p) =>
        `评为优秀，但优秀票 ${s(p["excellent"])} 张未超过应参评人数 ${s(p["voters"])} 的一半`,
    },
    en: {
      "eval.items.none": () => `No item columns: item headers are written "name(points)", e.g. "Ethics(20)"`,
      "eval.weights.sum": (p) => `The ${s(p["items"])} items add up to ${s(p["sum"])} points, not 100`,
      "eval.score.range": (p) =>
        p["max"] === ""
          ? `"${s(p["header"])}" ${s(p["value"])} must not be negative`
          : `"${s(p["header"])}" ${s(p["value"])} is outside ${s(p["min"])}–${s(p["max"])}`,
      "eval.score.missing": (p) => `"${s(p["header"])}" has no score`,
      "eval.total.mismatch": (p) =>
        `Total ${s(p["total"])} differs from the item scores plus bonus minus deduction (${s(p["expected"])})`,
      "eval.grade.threshold": (p) =>
        `A total of ${s(p["total"])} earns ${termText(s(p["expected"]), "en")}, not "${s(p["grade"])}"`,
      "eval.grade.veto": (p) =>
        `Vetoed on professional ethics, so the grade must be Incompetent, not "${s(p["grade"])}"`,
      "eval.grade.quota": (p) =>
        `${s(p["used"])} rated Excellent, over the limit of ${s(p["limit"])} (${s(p["quota"])}% of ${s(p["graded"])})`,
      "eval.rank.mismatch": (p) => `Rank should be ${s(p["expected"])} (ties share a rank), found ${s(p["rank"])}`,
      "eval.duplicate": (p) => `Same name and department on rows ${s(p["rows"]).split("、").join(", ")}`,
      "ballot.votes.exceed": (p) => `${s(p["votes"])} votes counted, more than the ${s(p["voters"])} voters`,
      "ballot.grade.quota": (p) =>
        `${s(p["used"])} rated Excellent, over the limit of ${s(p["limit"])} (${s(p["quota"])}% of ${s(p["rated"])})`,
      "ballot.grade.majority": (p) =>
        `Rated Excellent with ${s(p["excellent"])} Excellent votes, not more than half of ${s(p["voters"])}`,
    },
  },
  titles: {
    "zh-CN": {
      "eval.items.none": "没有考核项目列",
      "eval.weights.sum": "项目分值合计不是100",
      "eval.score.range": "得分超出范围",
      "eval.score.missing": "项目未打分",
      "eval.total.mismatch": "总分计算不符",
      "eval.grade.threshold": "等次与总分不符",
      "eval.grade.veto": "一票否决未定为不合格",
      "eval.grade.quota": "优秀超过比例",
      "eval.rank.mismatch": "排名不对",
      "eval.duplicate": "人员重复",
      "ballot.votes.exceed": "票数超过应参评人数",
      "ballot.grade.quota": "评议优秀超过比例",
      "ballot.grade.majority": "优秀票未过半",
    },
    en: {
      "eval.items.none": "No item columns",
      "eval.weights.sum": "Item points do not add up to 100",
      "eval.score.range": "Score out of range",
      "eval.score.missing": "Item not scored",
      "eval.total.mismatch": "Total does not add up",
      "eval.grade.threshold": "Grade does not fit the total",
      "eval.grade.veto": "Vetoed but not graded Incompetent",
      "eval.grade.quota": "Too many rated Excellent",
      "eval.rank.mismatch": "Wrong rank",
      "eval.duplicate": "Duplicate person",
      "ballot.votes.exceed": "More votes than voters",
      "ballot.grade.quota": "Too many appraised Excellent",
      "ballot.grade.majority": "Excellent without a majority of votes",
    },
  },
};
