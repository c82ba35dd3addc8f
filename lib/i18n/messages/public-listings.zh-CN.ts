/* Listing pages for investors: gallery, filters beside the results, the contact bar, share cards. */
export const publicListingsZhCN = {
  contactBar: {
    label: "联系招商",
    call: "电话咨询",
    leaveNeed: "留下需求",
  },
  gallery: {
    label: "房源照片",
    previous: "上一张",
    next: "下一张",
    position: "第 {current} 张，共 {total} 张",
  },
  availability: {
    /** a listing's free area over its own, live from its units */
    listing: "可租售 {free} / {total}",
    /** a park's free area over all it offers, 不可租售 left out */
    park: "可租售 {free} / {total}",
  },
  share: {
    catalogueDescription:
      "园区厂房、研发办公与工业用地的出售和出租房源：面积、价格、层高、承重、配电一目了然，留下需求即有招商专员联系。",
    parkTitle: "{park}的房源",
    parkFacts: "{city} · 在租在售 {count} 套",
  },
};
