/**
 * Romanised names for the Chinese place names that the English source notes quote (a
 * gazetteer entry "头门港新区东部围垦区", a seat "杜桥镇"). English notes keep the Chinese, so
 * a reader can match it with the plan and the gazetteer, and add this reading before it:
 * "Toumen Port new area, eastern reclamation (头门港新区东部围垦区)". Pinyin without tones,
 * as GeoNames and road signs write them. Every name a note quotes must be here
 * (romanised.test.ts reads the data).
 */
export const ROMANISED: Readonly<Record<string, string>> = {
  三江口: 'Sanjiangkou',
  三江村: 'Sanjiang village',
  三门: 'Sanmen',
  上盘: 'Shangpan',
  上盘镇: 'Shangpan town',
  下盘: 'Xiapan',
  东塍: 'Dongcheng',
  东塍镇: 'Dongcheng town',
  东湖: 'Donghu Lake',
  东矶列岛: 'Dongji Islands',
  临海: 'Linhai',
  临海东: 'Linhai East',
  临海东站: 'Linhai East station',
  临海北: 'Linhai North',
  临海北互通: 'Linhai North interchange',
  临海南: 'Linhai South',
  临海南互通: 'Linhai South interchange',
  临海南站: 'Linhai South station',
  临海大道: 'Linhai Avenue',
  临海市: 'Linhai city',
  临海市区: 'Linhai urban area',
  临海站: 'Linhai station',
  临海站四站合一: 'Linhai station four-in-one hub',
  临海西: 'Linhai West',
  临海西互通: 'Linhai West interchange',
  临港: 'port area',
  义城港: 'Yichenggang creek',
  仙居: 'Xianju',
  余姚: 'Yuyao',
  余温公路: 'Yuyao–Wenling highway',
  佩弦湖: 'Peixian Lake',
  兰田: 'Lantian',
  北洋: 'Beiyang',
  北洋涂: 'Beiyangtu flats',
  南洋涂: 'Nanyangtu flats',
  双港: 'Shuanggang',
  双港互通: 'Shuanggang interchange',
  台州: 'Taizhou',
  台州府城: 'Taizhou Fucheng walled city',
  台金高速: 'Taizhou–Jinhua expressway',
  古城街道: 'Gucheng subdistrict',
  城东: 'Chengdong',
  大汾: 'Dafen',
  大洋: 'Dayang',
  大洋街道: 'Dayang subdistrict',
  大田: 'Datian',
  大田街道: 'Datian subdistrict',
  大雷山: 'Dalei Mountain',
  天台: 'Tiantai',
  头门岛: 'Toumen Island',
  头门港: 'Toumen Port',
  头门港互通: 'Toumen Port interchange',
  头门港南: 'Toumen Port South',
  头门港南互通: 'Toumen Port South interchange',
  头门港新区东部围垦区: 'Toumen Port new area, eastern reclamation',
  头门港站: 'Toumen Port station',
  小芝: 'Xiaozhi',
  小芝镇: 'Xiaozhi town',
  尤溪: 'Youxi',
  尤溪镇: 'Youxi town',
  崇和门: 'Chonghe Gate',
  延伸上岛: 'extended onto the island',
  括苍: 'Kuocang',
  括苍互通: 'Kuocang interchange',
  括苍山: 'Kuocang Mountains',
  括苍山主峰米筛浪: 'Mishailang, main peak of the Kuocang Mountains',
  括苍镇: 'Kuocang town',
  方溪: 'Fangxi',
  望江门: 'Wangjiang Gate',
  杜桥: 'Duqiao',
  杜桥互通: 'Duqiao interchange',
  杜桥站: 'Duqiao station',
  杜桥镇: 'Duqiao town',
  桃渚: 'Taozhu',
  桃渚互通: 'Taozhu interchange',
  桃渚城: 'Taozhu walled town',
  桃渚镇: 'Taozhu town',
  椒江: 'Jiaojiang',
  椒江口: 'Jiaojiang estuary',
  武坑: 'Wukeng',
  永丰镇: 'Yongfeng town',
  永安溪: 'Yong’anxi River',
  汇溪: 'Huixi',
  汇溪镇: 'Huixi town',
  汛桥: 'Xunqiao',
  汛桥镇: 'Xunqiao town',
  江南: 'Jiangnan',
  江南街道: 'Jiangnan subdistrict',
  江山: 'Jiangshan',
  河头: 'Hetou',
  河头镇: 'Hetou town',
  沿江: 'Yanjiang',
  沿江互通: 'Yanjiang interchange',
  沿江路: 'Yanjiang Road',
  沿江镇: 'Yanjiang town',
  洛河: 'Luohe',
  浙江临海经济开发区: 'Zhejiang Linhai Economic Development Zone',
  涌泉: 'Yongquan',
  涌泉互通: 'Yongquan interchange',
  涌泉兰田风景区: 'Yongquan Lantian scenic area',
  涌泉镇: 'Yongquan town',
  温岭: 'Wenling',
  灵江: 'Lingjiang River',
  灵江二桥: 'Second Lingjiang Bridge',
  灵湖: 'Linghu Lake',
  牛头山水库: 'Niutoushan Reservoir',
  玉环: 'Yuhuan',
  甬台温: 'Ningbo–Taizhou–Wenzhou',
  白水洋: 'Baishuiyang',
  白水洋互通: 'Baishuiyang interchange',
  白水洋镇: 'Baishuiyang town',
  白沙湾: 'Baishawan',
  秀洲: 'Xiuzhou',
  紫阳街: 'Ziyang Street',
  红脚岩: 'Hongjiaoyan',
  红脚岩新材料产业园: 'Hongjiaoyan new-materials industrial park',
  羊岩山: 'Yangyan Mountain',
  西门: 'Ximen',
  邵家渡: 'Shaojiadu',
  邵家渡街道: 'Shaojiadu subdistrict',
  金台铁路: 'Jinhua–Taizhou railway',
  鄞州: 'Yinzhou',
  靖江路: 'Jingjiang Road',
};

/** A run of Chinese text in an English note (names listed with 、 count as one run). */
const CHINESE_RUN = /[\u3400-\u9fff][\u3400-\u9fff、]*/g;

/** A part of a note: English text, or a Chinese name with its reading (null if unknown). */
export type NotePart = { text: string } | { zh: string; en: string | null };

/**
 * An English note split so each Chinese name can be shown with its reading before it:
 * "seat 杜桥镇 (331082112)" → "seat ", {zh 杜桥镇, en Duqiao town}, " (331082112)".
 * A list "杜桥镇、桃渚镇" becomes one part per name, joined by ", ".
 */
export function splitNote(note: string): NotePart[] {
  const parts: NotePart[] = [];
  let at = 0;
  for (const match of note.matchAll(CHINESE_RUN)) {
    if (match.index > at) parts.push({ text: note.slice(at, match.index) });
    match[0]
      .split('、')
      .filter(Boolean)
      .forEach((zh, i) => {
        if (i > 0) parts.push({ text: ', ' });
        parts.push({ zh, en: ROMANISED[zh] ?? null });
      });
    at = match.index + match[0].length;
  }
  if (at < note.length) parts.push({ text: note.slice(at) });
  return parts;
}
