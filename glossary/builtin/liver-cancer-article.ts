/**
 * The built-in glossary, drawn from the blog post "Revolutionizing ICC Treatment: TARE and
 * Immunotherapy Breakthroughs" (a verbatim copy is in glossary/article.txt).
 *
 * Every summary uses only what the article says (at most a gloss of the word's own parts, such as
 * "unresectable" or "asymptomatic"): no outside medical knowledge and no advice of our own. Every quote is copied from the
 * article character for character, curly apostrophes included; tests/unit/builtin-glossary.test.ts
 * checks this against article.txt.
 *
 * Terms and aliases are written in the singular: the matcher adds plurals and possessives. Aliases
 * written in capitals (ICC, TARE, SIRT) are matched case-sensitively, everything else is not, so
 * there are no lowercase duplicates.
 */
import type { GlossaryInput } from '../schema';

export const builtinGlossaryInput: GlossaryInput = {
  format: 1,
  id: 'icc-tare-immunotherapy',
  title: 'Liver cancer: ICC, TARE and immunotherapy',
  source: { title: 'Revolutionizing ICC Treatment: TARE and Immunotherapy Breakthroughs' },
  entries: [
    // ---- Conditions and anatomy ----
    {
      id: 'intrahepatic-cholangiocarcinoma',
      term: 'Intrahepatic cholangiocarcinoma',
      aliases: ['ICC'],
      category: 'condition',
      summary:
        'A rare and aggressive form of liver cancer that starts in the bile ducts inside the liver. It often causes no symptoms until it is advanced, which makes early detection hard.',
      quotes: [
        'Intrahepatic cholangiocarcinoma (ICC), a rare and aggressive form of liver cancer originating in the bile ducts within the liver, presents a significant challenge in the realm of oncology.',
        'This cancer is characterized by its insidious nature, often remaining asymptomatic until advanced stages, making early detection challenging.',
      ],
      related: [
        'liver-cancer',
        'bile-duct',
        'asymptomatic',
        'transarterial-radioembolization',
        'immunotherapy',
        'surgical-resection',
        'liver-transplantation',
        'chemotherapy',
      ],
    },
    {
      id: 'liver-cancer',
      term: 'Liver cancer',
      category: 'condition',
      summary:
        'The article is about one form of it: intrahepatic cholangiocarcinoma (ICC), a rare and aggressive liver cancer that starts in the bile ducts within the liver.',
      quotes: [
        'Intrahepatic cholangiocarcinoma (ICC), a rare and aggressive form of liver cancer originating in the bile ducts within the liver',
      ],
      related: ['intrahepatic-cholangiocarcinoma', 'bile-duct', 'oncology'],
    },
    {
      id: 'bile-duct',
      term: 'Bile duct',
      aliases: ['intrahepatic bile duct'],
      category: 'anatomy',
      summary:
        'A duct that carries bile. The bile ducts inside the liver (intrahepatic bile ducts) carry bile from the liver to the gallbladder and small intestine, and ICC starts in them.',
      quotes: [
        'ICC originates in the intrahepatic bile ducts, which are responsible for transporting bile from the liver to the gallbladder and small intestine.',
      ],
      related: ['intrahepatic-cholangiocarcinoma', 'liver-cancer'],
    },
    {
      id: 'hepatic-artery',
      term: 'Hepatic artery',
      category: 'anatomy',
      summary:
        'An artery of the liver. In TARE, radioactive microspheres are delivered through it directly to the tumor site.',
      quotes: [
        'TARE involves the targeted delivery of radioactive microspheres directly to the tumor site via the hepatic artery.',
      ],
      related: ['transarterial-radioembolization', 'radioactive-microsphere'],
    },
    {
      id: 'immune-system',
      term: 'Immune system',
      category: 'anatomy',
      summary:
        'The body’s own immune system, which immunotherapy harnesses and activates to recognize, target and destroy cancer cells.',
      quotes: [
        'Immunotherapy harnesses the body’s own immune system to recognize and attack cancer cells.',
        'Immunotherapy activates the patient’s immune system to target and destroy cancer cells, potentially leading to durable responses.',
      ],
      related: ['immunotherapy', 'checkpoint-inhibitor'],
    },
    {
      id: 'jaundice',
      term: 'Jaundice',
      category: 'condition',
      summary:
        'A symptom associated with ICC, along with pain. The article says TARE can alleviate such symptoms and improve patients’ overall well-being.',
      quotes: [
        'TARE can alleviate symptoms associated with ICC, such as pain and jaundice, improving patients’ overall well-being.',
      ],
      related: ['intrahepatic-cholangiocarcinoma', 'transarterial-radioembolization'],
    },
    {
      id: 'asymptomatic',
      term: 'Asymptomatic',
      category: 'concept',
      summary:
        'Without symptoms. ICC often stays asymptomatic until its advanced stages, which makes early detection challenging.',
      quotes: [
        'This cancer is characterized by its insidious nature, often remaining asymptomatic until advanced stages, making early detection challenging.',
      ],
      related: ['intrahepatic-cholangiocarcinoma'],
    },

    // ---- Treatments ----
    {
      id: 'transarterial-radioembolization',
      term: 'Transarterial radioembolization',
      aliases: ['TARE', 'SIRT', 'selective internal radiation therapy', 'radioembolization'],
      category: 'procedure',
      summary:
        'A treatment, also called selective internal radiation therapy (SIRT), that delivers radioactive microspheres through the hepatic artery directly to the tumor. Their radiation destroys cancer cells while sparing healthy liver tissue.',
      quotes: [
        'Transarterial Radioembolization (TARE), also known as selective internal radiation therapy (SIRT), has emerged as a promising treatment option for ICC.',
        'TARE involves the targeted delivery of radioactive microspheres directly to the tumor site via the hepatic artery.',
        'These microspheres emit radiation that destroys cancer cells while sparing healthy liver tissue.',
        'The precise targeting of tumors makes TARE an attractive option, particularly for patients with unresectable ICC.',
      ],
      related: [
        'radioactive-microsphere',
        'hepatic-artery',
        'localized-treatment',
        'intrahepatic-cholangiocarcinoma',
        'unresectable',
        'tumor-downsizing',
        'jaundice',
        'combination-therapy',
        'immunotherapy',
      ],
    },
    {
      id: 'radioactive-microsphere',
      term: 'Radioactive microsphere',
      aliases: ['microsphere'],
      category: 'concept',
      summary:
        'Tiny radioactive spheres that TARE delivers directly to the tumor site through the hepatic artery. They give off radiation that destroys cancer cells while sparing healthy liver tissue.',
      quotes: [
        'TARE involves the targeted delivery of radioactive microspheres directly to the tumor site via the hepatic artery.',
        'These microspheres emit radiation that destroys cancer cells while sparing healthy liver tissue.',
      ],
      related: ['transarterial-radioembolization', 'hepatic-artery', 'localized-treatment'],
    },
    {
      id: 'surgical-resection',
      term: 'Surgical resection',
      category: 'procedure',
      summary:
        'A traditional treatment for ICC, along with liver transplantation and chemotherapy. It is often feasible only in the early stages, and many patients are diagnosed when the cancer is already advanced.',
      quotes: [
        'Historically, the treatment of ICC has revolved around surgical resection, liver transplantation, and chemotherapy.',
        'Surgical resection is often feasible only in the early stages, and many patients are diagnosed when the cancer is already advanced.',
      ],
      related: [
        'unresectable',
        'tumor-downsizing',
        'liver-transplantation',
        'chemotherapy',
        'intrahepatic-cholangiocarcinoma',
      ],
    },
    {
      id: 'liver-transplantation',
      term: 'Liver transplantation',
      aliases: ['liver transplant'],
      category: 'procedure',
      summary:
        'One of the traditional treatments for ICC, along with surgical resection and chemotherapy. The article says these traditional options have limitations.',
      quotes: [
        'Historically, the treatment of ICC has revolved around surgical resection, liver transplantation, and chemotherapy.',
      ],
      related: ['surgical-resection', 'chemotherapy', 'intrahepatic-cholangiocarcinoma'],
    },
    {
      id: 'chemotherapy',
      term: 'Chemotherapy',
      aliases: ['chemo'],
      category: 'procedure',
      summary:
        'A common, traditional treatment for ICC that often gives disappointing results, because the cancer resists conventional chemotherapeutic agents. It typically causes more side effects than immunotherapy.',
      quotes: [
        'Chemotherapy, while a common approach, often yields disappointing results due to the cancer’s resistance to conventional chemotherapeutic agents.',
        'Immunotherapy typically causes fewer side effects than traditional chemotherapy, offering a better quality of life for patients.',
      ],
      related: [
        'surgical-resection',
        'liver-transplantation',
        'immunotherapy',
        'intrahepatic-cholangiocarcinoma',
      ],
    },
    {
      id: 'immunotherapy',
      term: 'Immunotherapy',
      category: 'procedure',
      summary:
        'A systemic treatment that uses the body’s own immune system to recognize and attack cancer cells. In clinical trials some patients with ICC lived longer with it than with traditional treatments, and it typically causes fewer side effects than chemotherapy.',
      quotes: [
        'Immunotherapy harnesses the body’s own immune system to recognize and attack cancer cells.',
        'While TARE offers a localized approach to treating ICC, immunotherapy has emerged as a revolutionary systemic treatment option.',
        'Clinical trials have shown that some patients with ICC experience prolonged survival with immunotherapy compared to traditional treatments.',
        'Immunotherapy typically causes fewer side effects than traditional chemotherapy, offering a better quality of life for patients.',
      ],
      related: [
        'immune-system',
        'checkpoint-inhibitor',
        'pembrolizumab',
        'nivolumab',
        'systemic-treatment',
        'clinical-trial',
        'combination-therapy',
        'chemotherapy',
        'transarterial-radioembolization',
        'intrahepatic-cholangiocarcinoma',
      ],
    },
    {
      id: 'checkpoint-inhibitor',
      term: 'Checkpoint inhibitor',
      aliases: ['immune checkpoint inhibitor'],
      category: 'drug class',
      summary:
        'A kind of immunotherapy. Checkpoint inhibitors such as pembrolizumab and nivolumab have shown promise in clinical trials for ICC.',
      quotes: [
        'Specific checkpoint inhibitors, like pembrolizumab and nivolumab, have shown promise in clinical trials for ICC.',
      ],
      related: ['immunotherapy', 'pembrolizumab', 'nivolumab', 'immune-system', 'clinical-trial'],
    },
    {
      id: 'pembrolizumab',
      term: 'Pembrolizumab',
      category: 'drug',
      summary:
        'A checkpoint inhibitor, a kind of immunotherapy. It has shown promise in clinical trials for ICC.',
      quotes: [
        'Specific checkpoint inhibitors, like pembrolizumab and nivolumab, have shown promise in clinical trials for ICC.',
      ],
      related: ['checkpoint-inhibitor', 'nivolumab', 'immunotherapy', 'clinical-trial'],
    },
    {
      id: 'nivolumab',
      term: 'Nivolumab',
      category: 'drug',
      summary:
        'A checkpoint inhibitor, a kind of immunotherapy. It has shown promise in clinical trials for ICC.',
      quotes: [
        'Specific checkpoint inhibitors, like pembrolizumab and nivolumab, have shown promise in clinical trials for ICC.',
      ],
      related: ['checkpoint-inhibitor', 'pembrolizumab', 'immunotherapy', 'clinical-trial'],
    },
    {
      id: 'combination-therapy',
      term: 'Combination therapy',
      category: 'procedure',
      summary:
        'Using more than one treatment together. Researchers are exploring combining immunotherapy with other treatments, such as TARE, to make it more effective.',
      quotes: [
        'Potential for Combination Therapy: Researchers are exploring the possibility of combining immunotherapy with other treatments like TARE to maximize its effectiveness.',
      ],
      related: ['immunotherapy', 'transarterial-radioembolization', 'clinical-trial'],
    },

    // ---- Concepts ----
    {
      id: 'unresectable',
      term: 'Unresectable',
      category: 'concept',
      summary:
        'Not removable by surgical resection. The article calls TARE an attractive option particularly for patients with unresectable ICC.',
      quotes: [
        'The precise targeting of tumors makes TARE an attractive option, particularly for patients with unresectable ICC.',
      ],
      related: ['surgical-resection', 'transarterial-radioembolization', 'tumor-downsizing'],
    },
    {
      id: 'tumor-downsizing',
      term: 'Tumor downsizing',
      aliases: ['tumour downsizing', 'tumor shrinkage', 'tumour shrinkage', 'bridge to surgery'],
      category: 'concept',
      summary:
        'Making a tumor smaller. TARE can lead to tumor shrinkage, and in some cases it can downsize tumors so that they become operable for surgical resection, a bridge to surgery.',
      quotes: [
        'TARE’s radiation effectively destroys tumor cells, potentially leading to tumor shrinkage or stabilization.',
        'Bridge to Surgery: In some cases, TARE can be used to downsize tumors, making them operable for surgical resection.',
      ],
      related: ['transarterial-radioembolization', 'surgical-resection', 'unresectable'],
    },
    {
      id: 'localized-treatment',
      term: 'Localized treatment',
      aliases: ['localised treatment'],
      category: 'concept',
      summary:
        'Treatment aimed precisely at the cancerous lesions, minimizing damage to the healthy tissue around them. The article describes TARE as a localized approach to treating ICC.',
      quotes: [
        'Localized Treatment: TARE precisely targets cancerous lesions, minimizing damage to healthy liver tissue.',
        'Transarterial Radioembolization (TARE) provides a localized approach to tackling ICC',
      ],
      related: ['systemic-treatment', 'transarterial-radioembolization', 'radioactive-microsphere'],
    },
    {
      id: 'systemic-treatment',
      term: 'Systemic treatment',
      aliases: ['systemic therapy'],
      category: 'concept',
      summary:
        'Treatment that fights cancer on a systemic level, in contrast to a localized approach aimed at the tumor. The article describes immunotherapy as a systemic treatment option for ICC.',
      quotes: [
        'While TARE offers a localized approach to treating ICC, immunotherapy has emerged as a revolutionary systemic treatment option.',
        'immunotherapy harnesses the power of the immune system to fight cancer on a systemic level',
      ],
      related: ['localized-treatment', 'immunotherapy'],
    },
    {
      id: 'clinical-trial',
      term: 'Clinical trial',
      category: 'concept',
      summary:
        'Where the article’s evidence for immunotherapy comes from: in clinical trials, checkpoint inhibitors showed promise for ICC, and some patients with ICC lived longer with immunotherapy than with traditional treatments.',
      quotes: [
        'Specific checkpoint inhibitors, like pembrolizumab and nivolumab, have shown promise in clinical trials for ICC.',
        'Clinical trials have shown that some patients with ICC experience prolonged survival with immunotherapy compared to traditional treatments.',
      ],
      related: ['checkpoint-inhibitor', 'immunotherapy', 'pembrolizumab', 'nivolumab', 'combination-therapy'],
    },
    {
      id: 'multidisciplinary-team',
      term: 'Multidisciplinary team',
      aliases: ['multi-disciplinary team'],
      category: 'concept',
      summary:
        'A team of healthcare professionals who can assess an individual patient’s condition and tailor treatment to it.',
      quotes: [
        'It’s crucial to note that treatment decisions should always be made in consultation with a multidisciplinary team of healthcare professionals who can assess the individual patient’s condition and tailor treatment accordingly.',
      ],
      related: ['oncology'],
    },
    {
      id: 'oncology',
      term: 'Oncology',
      category: 'concept',
      summary:
        'The field of medicine that deals with cancer. Recent advances in it have brought promising treatments for ICC, including TARE and immunotherapy.',
      quotes: [
        'However, recent advances in the field of oncology have brought forth promising treatment modalities, including Transarterial Radioembolization (TARE) and immunotherapy.',
        'Intrahepatic cholangiocarcinoma remains a formidable challenge in oncology, but new treatment modalities are offering hope for patients.',
      ],
      related: [
        'intrahepatic-cholangiocarcinoma',
        'transarterial-radioembolization',
        'immunotherapy',
        'multidisciplinary-team',
      ],
    },
  ],
};
