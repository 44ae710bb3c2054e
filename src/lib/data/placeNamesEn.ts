/**
 * English (pinyin) names for the base map's places, which the source files give only in
 * Chinese: the 19 township seats (by NBS code) and 台州's counties (by current name).
 * Pinyin without tones, as GeoNames and road signs write them; the Chinese stays in the data.
 */

/** Township seats by their 9-digit NBS code. */
export const SEAT_NAMES_EN: Readonly<Record<string, string>> = {
  '331082001': 'Gucheng', // 古城
  '331082002': 'Dayang', // 大洋
  '331082003': 'Jiangnan', // 江南
  '331082004': 'Datian', // 大田
  '331082005': 'Shaojiadu', // 邵家渡
  '331082100': 'Xunqiao', // 汛桥
  '331082101': 'Dongcheng', // 东塍
  '331082103': 'Huixi', // 汇溪
  '331082104': 'Xiaozhi', // 小芝
  '331082105': 'Hetou', // 河头
  '331082106': 'Baishuiyang', // 白水洋
  '331082107': 'Kuocang', // 括苍
  '331082108': 'Yongfeng', // 永丰
  '331082109': 'Youxi', // 尤溪
  '331082110': 'Yongquan', // 涌泉
  '331082111': 'Yanjiang', // 沿江
  '331082112': 'Duqiao', // 杜桥
  '331082113': 'Shangpan', // 上盘
  '331082114': 'Taozhu', // 桃渚
};

/** Neighbouring counties by the name their label shows. */
export const COUNTY_NAMES_EN: Readonly<Record<string, string>> = {
  椒江区: 'Jiaojiang',
  路桥区: 'Luqiao',
  黄岩区: 'Huangyan',
  玉环市: 'Yuhuan',
  玉环县: 'Yuhuan',
  温岭市: 'Wenling',
  三门县: 'Sanmen',
  天台县: 'Tiantai',
  仙居县: 'Xianju',
  临海市: 'Linhai',
};
