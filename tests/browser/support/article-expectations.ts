// What the fixture article (tests/fixtures/pages/liver-cancer-article.html) must show, in every
// browser: [id of the nearest element with an id, painted text], in document order.
export const ARTICLE_MAIN = [
  ['intro', 'intrahepatic cholangiocarcinoma'], ['intro', 'ICC'], ['intro', 'bile ducts'],
  ['tare', 'transarterial radioembolization'], ['tare', 'TARE'], ['tare', 'radioactive microspheres'],
  ['tare', 'hepatic artery'], ['tare', 'selective internal radiation therapy'], ['tare', 'SIRT'],
  ['checkpoint', 'pembrolizumab'], ['checkpoint', 'checkpoint inhibitors'], ['checkpoint', 'nivolumab'],
  ['chemo', 'Chemotherapy'], ['chemo', 'surgical resection'], ['chemo', 'liver transplant'],
  ['shadow-text', 'nivolumab'], ['shadow-text', 'checkpoint inhibitor'],
  ['late', 'multidisciplinary team'], ['late', 'jaundice'],
];
