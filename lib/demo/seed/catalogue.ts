/*
 * The words the demo workspace is made of: its staff, the kinds of project that come to the demo
 * parks (张江长三角科技城平湖园, 新埭镇工业功能区, 平湖经开区, 独山港), and what officers write on a lead's timeline.
 * Companies are composed from an origin city, a brand and a profile, so no name is a real company's.
 */

/** Demo staff sign in with nothing: their passwords are random and never shown (an admin may reset them). */
export const DEMO_EMAIL_DOMAIN = "demo.parklead.invalid";

export const DEMO_STAFF = [
  { key: "wangfang", name: "王芳", role: "STAFF" },
  { key: "liqiang", name: "李强", role: "STAFF" },
  { key: "chenjing", name: "陈静", role: "STAFF" },
  { key: "zhaolei", name: "赵磊", role: "STAFF" },
  { key: "zhoumin", name: "周敏", role: "MANAGER" },
] as const;

/**
 * Mainland mobiles in the 154 segment, which the MIIT has allocated to no carrier: they pass the
 * form's 1[3-9]\d{9} rule, and no SIM card answers them.
 */
export const demoPhone = (index: number) => `1540000${String(index + 1).padStart(4, "0")}`;

export const CITIES = ["上海", "苏州", "嘉兴", "杭州", "宁波", "昆山", "无锡", "南通", "常州", "湖州"];
// prettier-ignore
export const BRANDS = [
  "锐精", "恒驰", "博远", "瑞康", "科磊", "星拓", "华芯", "明德", "启航", "鼎盛",
  "联创", "中盈", "安捷", "晨光", "澜图", "卓研", "正泰", "宏晟", "天衡", "合力",
  "新禾", "拓普", "汇川", "嘉越", "凯诺", "泽瑞", "旭升", "德尔", "云帆", "致远",
  "伟业", "百川", "精工", "同辉", "昊天", "睿能", "禾丰", "景程", "盛达", "领航",
];

type Kind = "FACTORY" | "OFFICE" | "LAND";
export interface Profile {
  suffix: string;
  industry: string;
  uses: string[];
  kind: Kind;
  deal: "BUY" | "RENT";
  /** m², or 亩 for land */
  area: [number, number];
  /** 万元 a year */
  tax: [number, number];
  /** 万元 of investment per 万元 of tax */
  investmentPerTax: number;
}

export const PROFILES: Profile[] = [
  {
    suffix: "精密机械有限公司",
    industry: "通用设备制造业",
    uses: ["精密零部件数控加工", "液压件精密加工与装配"],
    kind: "FACTORY",
    deal: "BUY",
    area: [1500, 5000],
    tax: [60, 320],
    investmentPerTax: 18,
  },
  {
    suffix: "新能源科技有限公司",
    industry: "汽车制造业",
    uses: ["新能源汽车电池结构件生产", "电驱动总成零部件生产"],
    kind: "FACTORY",
    deal: "BUY",
    area: [3000, 12000],
    tax: [150, 900],
    investmentPerTax: 22,
  },
  {
    suffix: "生物医药科技有限公司",
    industry: "医药制造业",
    uses: ["二类医疗器械研发与生产", "体外诊断试剂研发生产"],
    kind: "FACTORY",
    deal: "RENT",
    area: [800, 3000],
    tax: [80, 500],
    investmentPerTax: 20,
  },
  {
    suffix: "微电子有限公司",
    industry: "软件和信息技术服务业",
    uses: ["集成电路设计与测试", "功率芯片设计"],
    kind: "OFFICE",
    deal: "RENT",
    area: [300, 1500],
    tax: [50, 400],
    investmentPerTax: 8,
  },
  {
    suffix: "供应链管理有限公司",
    industry: "仓储业",
    uses: ["跨境电商仓储与分拨", "电商前置仓与冷链分拨"],
    kind: "FACTORY",
    deal: "RENT",
    area: [5000, 20000],
    tax: [30, 150],
    investmentPerTax: 10,
  },
  {
    suffix: "智能装备有限公司",
    industry: "专用设备制造业",
    uses: ["工业机器人集成与装配", "自动化产线设备制造"],
    kind: "FACTORY",
    deal: "BUY",
    area: [2000, 6000],
    tax: [100, 450],
    investmentPerTax: 16,
  },
  {
    suffix: "新材料有限公司",
    industry: "化学原料和化学制品制造业",
    uses: ["高性能复合材料生产", "电子级功能薄膜生产"],
    kind: "LAND",
    deal: "BUY",
    area: [15, 50],
    tax: [200, 1200],
    investmentPerTax: 25,
  },
  {
    suffix: "光电科技有限公司",
    industry: "计算机、通信和其他电子设备制造业",
    uses: ["激光器件研发与生产", "光通信模块封装"],
    kind: "FACTORY",
    deal: "BUY",
    area: [1200, 4000],
    tax: [90, 420],
    investmentPerTax: 15,
  },
  {
    suffix: "信息技术有限公司",
    industry: "软件和信息技术服务业",
    uses: ["工业软件研发", "数字孪生平台研发"],
    kind: "OFFICE",
    deal: "RENT",
    area: [200, 1200],
    tax: [30, 260],
    investmentPerTax: 5,
  },
  {
    suffix: "食品科技有限公司",
    industry: "食品制造业",
    uses: ["预制菜中央厨房", "烘焙食品生产"],
    kind: "FACTORY",
    deal: "RENT",
    area: [2000, 8000],
    tax: [40, 200],
    investmentPerTax: 14,
  },
];

export const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
];
// prettier-ignore
export const GIVEN_NAMES = [
  "伟", "静", "磊", "敏", "军", "洁", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚",
  "建华", "晓东", "海燕", "志强", "文博", "雪梅", "国庆", "丽娜", "俊杰", "佳怡", "宏伟", "晨曦",
];

/** Where a lost project went instead, for "chose another park". */
export const OTHER_PARKS = ["嘉善经济技术开发区", "苏州工业园区", "昆山高新区", "上海金山工业区", "海宁经济开发区"];

export const LOST_EARLY = ["no_response", "industry_mismatch", "location", "tax_below"];
export const LOST_LATE = ["price", "other_park", "environment", "policy", "tax_below"];

export const CALLS = [
  "首次回电：确认用地需求与投产时间，客户计划年内落地。",
  "电话沟通：介绍园区配套与税收门槛，客户要求发送房源资料。",
  "回电：客户关注配电容量和层高，已发送厂房技术参数。",
  "电话沟通：核实公司背景与现有产能，约定下周来园考察。",
];
export const NOTES = [
  "客户关注首层承重与货梯，需 1.5 吨/m² 以上。",
  "企业现有上海工厂租约明年到期，搬迁意向明确。",
  "已发送园区产业政策与亩均税收标准。",
  "客户需配电 630 kVA，已与园区电力部门确认可扩容。",
  "对方决策人是董事长，需安排园区领导接待。",
  "客户比较了嘉善和海宁的报价，价格敏感。",
];
export const VISITS = [
  "陪同客户实地考察厂房，查看层高、承重与消防。",
  "客户一行三人来园考察，参观已入驻企业。",
  "实地踏勘地块，介绍周边配套与交通。",
];
export const EMAILS = ["发送项目预审材料清单。", "发送合同草案与付款节点。"];

/** The follow-up an open lead has next, by its stage. */
export const TASKS: Record<string, string[]> = {
  contacted: ["安排实地考察", "发送房源资料与报价"],
  site_visit: ["收集项目预审材料", "回访考察意见"],
  screening: ["跟进环评与产业部门意见", "核对亩均税收测算"],
  negotiation: ["确认合同条款", "约定签约时间"],
};
