/**
 * The suggestion engine's knowledge, kept as data so a desk can extend it without touching the
 * engine: which phrases name a source, which family of source each belongs to, and which desk tag
 * keys a family maps to. Families map to a *preference list* of tag keys; the first key the desk
 * actually has wins, and an empty or unmatched list yields `tag: null` (a valid outcome).
 */

/** How a source can be referred back to: "they" (group/organisation), "he/she" (person), "it" (organisation/document). */
export type SpeakerKind = 'organisation' | 'group' | 'person' | 'document';

export type SourceFamily = {
  /** Short label used in reasons ("UN", "intelligence", "expert/analyst"). */
  label: string;
  /** Desk tag keys in order of preference. */
  tags: string[];
};

export type SourceTerm = {
  family: string;
  kind: SpeakerKind;
  /**
   * Surface phrases. A phrase containing an uppercase letter matches case-sensitively (so "UN" and
   * "WHO" never match "un"/"who"); an all-lowercase phrase matches in any case ("Analysts", "analysts").
   */
  phrases: string[];
  /**
   * Only counts directly before a document noun ("intelligence assessment", "Reuters tally"),
   * never on its own ("intelligence-based operations", "gathering intelligence").
   */
  modifierOnly?: boolean;
  /**
   * A place standing for its government ("Moscow says"); directly before another capitalised word it
   * only opens an institution's name ("the Kyiv School of Economics", "the Beirut Institute").
   */
  placeName?: boolean;
};

export type Hedges = {
  /** Family used for hedged / unattributed claims. */
  family: string;
  /** Adverbs and fixed phrases: "reportedly", "it is understood". */
  phrases: string[];
  /** Participles that hedge in the passive: "is believed", "are said to", "was allegedly". */
  passives: string[];
};

export type Lexicon = {
  families: Record<string, SourceFamily>;
  sources: SourceTerm[];
  /** Nouns for documents a source publishes; "the report" resolves to the last report introduced. */
  documentNouns: string[];
  /**
   * Phrases that put the source after them, like "according to": "in the words of Dr. Ana Roe, an
   * epidemiologist, …". Up to three words (determiners, adjectives) may follow before the source.
   */
  sourcePrepositions: string[];
  /**
   * Proper names of bodies the lexicon does not list, classed by a capitalised head word anywhere in the
   * name ("the Geneva-based Small Arms Transfers Observatory", "the Armed Conflict Location and Event
   * Data Project", "the Australian Security Intelligence Organisation"). First matching rule wins; a rule
   * with `requires` also needs one of those capitalised words in the name ("National Institute of
   * Health" is a government body, not a think tank). A name seen this way also lends its initials to a
   * later acronym ("ASIO").
   */
  namedBodies: Array<{ family: string; heads: string[]; requires?: string[] }>;
  /** Nouns for the people who wrote a document: "Its authors say" / "the authors argue" speak for its source. */
  authorNouns: string[];
  /** Participles linking a document to the body it was made for: "a report sent to the Security Council" is that body's. */
  documentRecipients: string[];
  /** Verbs of reacting to a document ("Officials welcomed the findings"): the subject, not the document, is the source. */
  reactionVerbs: string[];
  /** Participles that, before "in the report", cite it: "described in the report as". */
  citingParticiples: string[];
  /**
   * Families in order of how specific an affiliation is: "a former White House adviser and a retired CIA
   * official" speaks as intelligence, "a WHO trauma specialist" as UN.
   */
  affiliationPriority: string[];
  /** Family for the article's own analysis or evaluation ("the most serious test yet", "brought to mind"). */
  analysisFamily: string;
  /** Regular expressions (case-insensitive) marking a sentence as the article's own analysis. */
  analysisCues: string[];
  /**
   * Regular expressions (case-insensitive) for the writer's own voice outside any quotation — first-person opinion ("In my
   * view", "I believe"), a verdict or a call to act ("It is time for", "would be wise to", "should alarm"). Such a sentence is
   * the writer's opinion (the analysis family), never the previous sentence's source going on.
   */
  writerVoiceCues: string[];
  /**
   * Regular expressions (case-insensitive) for first-person opinion outside any quotation ("In our view", "I am not
   * convinced"): one makes the piece an opinion column or editorial, whose uncued sentences are its writer's opinion and
   * whose "should" / "must" are the writer's call, not a source's.
   */
  opinionCues: string[];
  /**
   * Regular expressions (case-insensitive) for a whole heading line near the top that labels the piece an editorial or a
   * column ("The Herald's view", "Our view", "Editorial").
   */
  opinionLabels: string[];
  /** Adjectives/determiners that may precede a document noun phrase ("a new", "the latest", "leaked"). */
  documentPremodifiers: string[];
  /**
   * Families whose plain plural, after "the", refers back to a body named more recently than any such
   * group: "UN sanctions monitors … the experts describe" is the monitors' panel, not outside analysts.
   */
  anaphoricGroupFamilies: string[];
  /** Generic nouns that refer back to the last organisation ("the agency said"). */
  organisationAnaphors: string[];
  /** Head nouns a source term can modify and still speak for it: "a U.N. panel of experts said". */
  organisationHeads: string[];
  /** Reporting verbs as base forms; regular inflections are derived, irregular ones listed in `irregularVerbs`. */
  reportingVerbs: string[];
  irregularVerbs: string[];
  /** Words allowed between a speaker and its verb: "have", "also", "repeatedly" (any "-ly" adverb is allowed too). */
  auxiliaries: string[];
  /**
   * A bare copular stance is the subject's opinion: "Analysts are sceptical.", "Economists are gloomier.",
   * "The African Development Bank is more upbeat." — a copula ("are", "remain"), an optional degree word, then one of these.
   */
  stanceAdjectives: string[];
  /** Titles before a name that identify the speaker's family ("Dr." → expert, "Col." → official). */
  titles: Record<string, string>;
  hedges: Hedges;
  /** Family for a named speaker with no known affiliation. */
  namedFamily: string;
  /** Family for sentences the article asserts on its own authority. */
  authorFamily: string;
  /** Regular expressions (source strings, case-insensitive) for blocks/sentences that are never claims. */
  nonClaims: string[];
  /** Sentence openers that make a very short sentence a transition rather than a claim. */
  transitions: string[];
};

const COUNTRIES =
  'Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Burkina Faso|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Djibouti|Ecuador|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Malaysia|Mali|Mexico|Moldova|Mongolia|Morocco|Mozambique|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|Pakistan|Panama|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|' +
  // Capitals and seats of government used as metonyms for governments ("Beijing insists").
  'Washington|Moscow|Beijing|London|Paris|Berlin|Tehran|Kabul|Islamabad|New Delhi|Ankara|Kyiv|Kiev|Riyadh|Cairo|Tokyo|Seoul|Pyongyang|Damascus|Baghdad|Brussels|the Kremlin|the White House|the Pentagon|Downing Street|Whitehall|the Elysee|the Élysée';

/** "a trader", "an elderly man", "one woman", "another stallholder": a person first met, by what they are. */
function indefinite(nouns: string[]): string[] {
  return nouns.flatMap((n) => [`${/^[aeiou]/u.test(n) ? 'an' : 'a'} ${n}`, `one ${n}`, `another ${n}`]);
}

export const DEFAULT_LEXICON: Lexicon = {
  families: {
    un: { label: 'UN', tags: ['un'] },
    intelligence: { label: 'intelligence', tags: ['intelligence'] },
    expert: { label: 'expert/analyst', tags: ['analyst', 'expert'] },
    official: { label: 'official', tags: ['official', 'government'] },
    media: { label: 'media', tags: ['media', 'press'] },
    ngo: { label: 'NGO', tags: ['ngo'] },
    research: { label: 'research', tags: ['research', 'study', 'analyst'] },
    anonymous: { label: 'anonymous source', tags: ['anonymous', 'unattributed'] },
    vague: { label: 'vague attribution', tags: ['unattributed'] },
    witness: { label: 'witness', tags: ['witness', 'eyewitness'] },
    // Private people quoted for their own experience: traders, shoppers, "one woman" — no institution speaks through them.
    public: { label: 'member of the public', tags: ['public', 'vox-pop'] },
    named: { label: 'named speaker (affiliation unknown)', tags: [] },
    // The IMF, the World Bank and the regional development banks: formally UN specialized agencies or treaty
    // banks, but a desk's "UN report" tag is not theirs. Their statements are an intergovernmental body's official
    // word, so a desk without an `ifi` tag gets `official` when it has one, else no tag with this reason.
    ifi: { label: 'international financial institution', tags: ['ifi', 'official'] },
    analysis: { label: "the article's own analysis", tags: ['analysis', 'opinion', 'analyst'] },
    unattributed: { label: 'unattributed', tags: ['unattributed'] },
  },
  sources: [
    {
      family: 'un',
      kind: 'organisation',
      phrases: [
        'United Nations', 'UN', 'U.N.', 'Security Council', 'General Assembly', 'Secretary-General', 'Secretary General',
        'Monitoring Team', 'Sanctions Monitoring Team', 'UN Analytical Support and Sanctions Monitoring Team',
        'World Health Organization', 'World Health Organisation', 'WHO', 'UNICEF', 'UNHCR', 'OCHA', 'UNDP', 'UNESCO',
        'World Food Programme', 'World Food Program', 'WFP', 'Food and Agriculture Organization', 'FAO', 'IAEA',
        'International Atomic Energy Agency', 'UN refugee agency', 'UN envoy', 'UN mission', 'peacekeeping mission',
        'UNAMA', 'UNRWA', 'OHCHR', 'UN human rights office', 'Group of Experts', 'Panel of Experts', 'UN panel',
        'UN monitors', 'UN investigators', 'UN experts', 'UN-backed', 'U.N.-backed', 'UN-led', 'Human Rights Council',
        'UN-appointed', 'U.N.-appointed', 'UN-mandated', 'UN-commissioned', 'UN sanctions monitors',
        // Agencies under their full names, and the press's stock metonym for the UN itself.
        'Office for the Coordination of Humanitarian Affairs', 'UN Office on Drugs and Crime', 'UNODC', 'UN Assistance Mission',
        'UN Women', 'UNFPA', 'IOM', 'International Organization for Migration', 'world body',
        // Specialized agencies known by their own names.
        'World Meteorological Organization', 'World Meteorological Organisation', 'WMO', 'International Labour Organization',
        'International Labour Organisation', 'ILO', 'International Civil Aviation Organization', 'ICAO', 'International Maritime Organization',
        'UN Environment Programme', 'UNEP', 'UN-Habitat', 'International Telecommunication Union', 'UNCTAD', 'IFAD', 'UNIDO', 'WIPO',
        // The Human Rights Council's mechanisms, usually named by their own proper names alone.
        'International Commission of Inquiry', 'Independent International Commission', 'International Fact-Finding Mission',
        'Independent Fact-Finding Mission', 'Commission of Human Rights Experts', 'International Commission of Human Rights Experts',
        'Special Rapporteur', 'Special Rapporteurs', 'UN special rapporteur', 'Independent Investigative Mechanism',
      ],
    },
    {
      family: 'intelligence',
      kind: 'group',
      phrases: [
        'intelligence sources', 'intelligence officials', 'intelligence agencies', 'intelligence services',
        'intelligence officers', 'spy agencies', 'spy chiefs', 'security sources', 'intelligence official',
        'intelligence officer', 'spy services', 'security officials', 'security official', 'security services',
        'security agencies', 'counterterrorism officials', 'counterterrorism official', 'counter-terrorism officials',
        'counter-terrorism official', 'intelligence chief', 'intelligence chiefs',
        // Analysts employed by the services speak for them, not as independent experts.
        'intelligence analysts', 'intelligence analyst',
      ],
    },
    {
      // Institutions: "it" and "the agency" refer back to them.
      family: 'intelligence',
      kind: 'organisation',
      phrases: [
        'intelligence agency', 'intelligence service', 'intelligence community', 'spy agency', 'spy service',
        'security service', 'security agency', 'CIA', 'MI6', 'MI5', 'Mossad', 'ISI', 'NSA', 'FSB', 'DGSE', 'BND',
        'FBI', 'GCHQ', 'SVR', 'GRU', 'RAW', 'NDS', 'Inter-Services Intelligence', 'Director of National Intelligence',
        'Office of the Director of National Intelligence', 'National Intelligence Council', 'Defense Intelligence Agency',
        'Shin Bet',
        // Signals-intelligence agencies' public cyber arms (the UK's is part of GCHQ, Australia's of the ASD).
        'National Cyber Security Centre', 'NCSC', 'Australian Cyber Security Centre', 'Canadian Centre for Cyber Security',
        // The common name of armed forces' intelligence arms ("Ukrainian military intelligence said").
        'military intelligence', 'defence intelligence', 'defense intelligence', 'intelligence directorate',
        // The security services of several former Soviet states (Kyrgyzstan's and Tajikistan's GKNB, Kazakhstan's KNB).
        'State Committee for National Security', 'Committee for National Security', 'National Security Committee', 'GKNB', 'KNB',
        // South Asian press: India's external service by its full name and initials; "the security establishment" is the
        // military and its intelligence arms speaking off the record ("Top sources in the security establishment said").
        'Research and Analysis Wing', 'R&AW', 'security establishment',
        // Iran's civilian intelligence service is a ministry: "Iran's Intelligence Ministry said", "the Ministry of Intelligence".
        'intelligence ministry', 'ministry of intelligence', 'Ministry of Intelligence',
      ],
    },
    // A "threat assessment" is the security services' genre (the US annual one is the intelligence community's).
    { family: 'intelligence', kind: 'organisation', phrases: ['intelligence', 'spy', 'Western intelligence', 'threat'], modifierOnly: true },
    {
      family: 'expert',
      kind: 'group',
      phrases: [
        'analysts', 'analyst', 'experts', 'expert', 'observers', 'observer', 'scholars', 'scholar', 'researchers',
        'researcher', 'academics', 'academic', 'professor', 'commentators', 'commentator', 'specialists',
        'specialist', 'economists', 'economist', 'think tank', 'think-tank', 'strategists', 'historians',
        'political scientists', 'political scientist', 'research firm', 'investment bank', 'ratings agency', 'rating agency',
        'credit rating agency', 'brokerage', 'consultancy', 'research group', 'consultants', 'consultant', 'fellow', 'senior fellow',
        'research fellow', 'program associate', 'programme associate', 'strategist', 'historian', 'lecturer',
        'criminologist', 'sociologist', 'epidemiologist', 'political analyst', 'political analysts',
        // Scientists by discipline (each also matches its plural).
        'scientist', 'hydrologist', 'climatologist', 'climate scientist', 'geologist', 'virologist', 'ecologist', 'demographer',
        'seismologist', 'toxicologist', 'anthropologist', 'statistician', 'meteorologist', 'biologist',
        // A relative clause of expertise in an apposition: ", a co-founder of … who has studied gun trafficking".
        'who studies', 'who has studied', 'who researches', 'who has researched',
      ],
    },
    {
      family: 'official',
      kind: 'group',
      phrases: [
        'officials', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ministers',
        'authorities', 'president', 'prime minister', 'ambassador', 'envoy', 'diplomats', 'diplomat',
        'commander', 'governor', 'mayor', 'senator', 'lawmakers', 'prosecutors',
        'governments', 'ministries', 'spokespeople', 'spokesmen', 'spokeswomen', 'presidents', 'commissioner',
        'chairman', 'chairwoman', 'chief of staff', 'lawmaker', 'legislators', 'party spokesman',
        'candidate', 'candidates', 'opposition leader', 'party leader', 'chief observer', 'election observers',
        'election monitors', 'poll observers', 'MP', 'MPs', 'member of parliament', 'members of parliament', 'member of congress', 'politician', 'politicians', 'opposition politicians',
        'press secretary', 'press secretaries', 'foreign secretary', 'home secretary', 'defence secretary', 'defense secretary',
        'secretary of state', 'interior secretary', 'cabinet secretary', 'representative', 'representatives',
        // Regional governors and their administrations in Central Asia ("the khokim of the region", "the akimat").
        'khokim', 'hokim', 'akim', 'khokimiyat', 'hokimiyat', 'akimat',
        // "the federal prosecutor's office told", "A coast guard officer in Gytheio … said".
        'prosecutor', 'public prosecutor', 'coast guard officer', 'coastguard officer', 'border guard', 'border guards',
        // Local government: "Cllr Janet Pryce, cabinet member for regeneration, told the meeting", "council officers said".
        'councillor', 'councillors', 'councilor', 'councilors', 'council leader', 'council officer', 'council officers', 'cabinet member',
        // An officer with no service named is a police or army officer ("A senior officer privy to the developments said");
        // a service before it makes it that service's staff ("a CIA officer", "an intelligence officer").
        'officer', 'officers', 'police officer', 'police officers', 'police official', 'police officials',
        // Unnamed sources placed by an adjective: "Military sources said", "Diplomatic sources in Islamabad said".
        'military sources', 'military source', 'diplomatic sources', 'diplomatic source', 'government sources', 'government source',
        'official sources', 'police sources', 'police source', 'ministry sources', 'army sources',
      ],
    },
    {
      // Institutions of states and their blocs: "it" and "its" refer back to them, "he" and "she" never do
      // ("the health ministry said …" and then "she said" is the person named before it).
      family: 'official',
      kind: 'organisation',
      phrases: [
        'ministry', 'government', 'army', 'military', 'police', 'department', 'foreign office', 'state department',
        'cabinet', 'regime', 'administration', 'Bureau of Statistics', 'statistics office', 'statistics agency',
        'Office for National Statistics', 'central bank', 'African Union', 'European Union', 'EU', 'NATO', 'Nato',
        'NATO-led', 'Nato-led', 'EU-led', 'European Commission', 'European Council', 'Arab League', 'ECOWAS', 'junta',
        'electoral commission', 'election commission', 'parliament', 'ruling party', 'opposition party',
        'parliamentary inquiry', 'parliamentary committee', 'parliamentary panel', 'select committee',
        'congressional committee', 'Treasury', 'National Treasury', 'National Security Council', 'authority',
        'Europol', 'Interpol', 'Frontex',
        'election observation mission', 'observation mission', 'observer mission', 'election monitoring mission',
        'embassy', 'foreign ministry', 'defence ministry', 'defense ministry', 'interior ministry', 'finance ministry',
        'health ministry', 'justice ministry',
        // "according to the information of the press centre of …": a body's press office speaks for the body.
        'press centre', 'press center', 'press service', 'press office', 'directorate', 'law enforcement bodies',
        'law enforcement agencies', 'law enforcement',
        // Uniformed services of the state: "Greece's coast guard says it inspects …".
        'coast guard', 'coastguard', 'border police', 'border service', 'gendarmerie', 'national guard',
        'city council', 'town council', 'county council', 'borough council', 'district council', 'parish council', 'local council',
        'municipal council', 'regional council', 'local authority', 'city hall', 'City Hall',
        // National weather services are government agencies: "The Met Office says a collapse is unlikely".
        'Met Office', 'National Weather Service', 'weather service', 'meteorological service', 'meteorological office',
        // Pakistan's military media wing, quoted for every army statement.
        'Inter-Services Public Relations', 'ISPR',
        // The Taliban's name for their government, and Pakistan's provincial police counter-terrorism departments ("the Sindh CTD").
        'Islamic Emirate', 'CTD',
        // "Sources in the defence establishment said": the ministry of defence and the forces.
        'defence establishment', 'defense establishment',
        // Military coalitions speak as their governments do; a bare "coalition" may be one of charities, so it is not listed.
        'US-led coalition', 'U.S.-led coalition', 'Saudi-led coalition', 'international coalition', 'military coalition', 'ruling coalition', 'coalition forces',
      ],
    },
    { family: 'official', kind: 'organisation', phrases: COUNTRIES.split('|'), placeName: true },
    {
      family: 'media',
      kind: 'organisation',
      phrases: [
        'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'BBC', 'CNN', 'Al Jazeera',
        'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'The Guardian',
        'Financial Times', 'The Economist', 'Dawn', 'local media', 'state media', 'news agency', 'state television',
        'state TV', 'local press', 'media reports', 'press reports',
        // A paper or broadcaster introduced by what it is: "the French newspaper Le Monde", "state broadcaster RTS".
        'newspaper', 'broadcaster', 'state broadcaster', 'public broadcaster', 'news website', 'news site', 'magazine',
        'television channel', 'TV channel', 'radio station',
        // Agencies and papers of the desk's beat, often named bare ("Tasnim reported"). Not "PTI": in Pakistan it is a party.
        'IRNA', 'Tasnim', 'Mehr', 'ISNA', 'Kayhan', 'Press TV', 'Tolonews', 'TOLOnews', 'Amu TV', 'Pajhwok', 'Geo News', 'ARY News',
        'The Express Tribune', 'Express Tribune', 'The News', 'ANI', 'IANS', 'The Hindu', 'Hindustan Times', 'The Times of India',
        'The Indian Express', 'NDTV', 'Al Arabiya', 'Asharq Al-Awsat', 'Rudaw', 'Kurdistan24', 'SANA', 'KUNA', 'WAM', 'Anadolu',
        'Xinhua', 'TASS', 'Interfax',
      ],
    },
    {
      // Firms that study threats or markets for clients: "the cyber security firm Redline Labs" is a body ("its head of research").
      family: 'expert',
      kind: 'organisation',
      phrases: ['security firm', 'cyber security firm', 'cybersecurity firm', 'cybersecurity company', 'cyber security company', 'threat intelligence firm', 'consulting firm', 'risk consultancy', 'data firm', 'analytics firm'],
    },
    {
      family: 'media',
      kind: 'person',
      phrases: ['correspondent', 'our correspondent', 'correspondents'],
    },
    {
      family: 'ifi',
      kind: 'organisation',
      phrases: [
        'International Monetary Fund', 'IMF', 'World Bank', 'World Bank Group', 'African Development Bank', 'AfDB',
        'Asian Development Bank', 'Inter-American Development Bank', 'European Bank for Reconstruction and Development',
        'EBRD', 'European Investment Bank', 'Asian Infrastructure Investment Bank', 'AIIB', 'Islamic Development Bank',
        'New Development Bank', 'Bank for International Settlements',
        // The IMF's own shorthand for its staff ("Fund staff said").
        'Fund staff', 'IMF staff', 'Bank staff',
      ],
    },
    {
      family: 'ngo',
      kind: 'organisation',
      phrases: [
        'Amnesty International', 'Human Rights Watch', 'Red Cross', 'Red Crescent', 'ICRC', 'MSF',
        'Doctors Without Borders', 'Médecins Sans Frontières', 'Save the Children', 'Oxfam', 'aid groups',
        'aid agencies', 'aid workers', 'rights groups', 'humanitarian groups', 'charities', 'monitoring group',
      ],
    },
    {
      // Think tanks whose names carry no head word the named-body rules know.
      family: 'research',
      kind: 'organisation',
      phrases: ['Crisis Group', 'International Crisis Group', 'Atlantic Council', 'European Council on Foreign Relations', 'ECFR', 'Chatham House',
        // "… Council on Foreign Relations" is a think tank's name in several countries (US, German, European).
        'Council on Foreign Relations'],
    },
    {
      family: 'research',
      kind: 'organisation',
      phrases: ['university', 'University', 'institute', 'Institute', 'journal', 'The Lancet', 'Nature', 'Science'],
      modifierOnly: true,
    },
    {
      family: 'anonymous',
      kind: 'group',
      phrases: [
        'sources', 'source', 'a source', 'the source', 'the same source', 'the same sources', 'these sources', 'people familiar with the matter',
        // Translated news English: "the interlocutor of the agency noted".
        'interlocutor', 'the interlocutor', 'people familiar with the discussions',
        'a person familiar with the matter', 'insiders', 'an insider', 'officials who spoke on condition of anonymity',
        // "people familiar with the assessment", "a person briefed on the talks": whatever they know of.
        'people familiar', 'a person familiar', 'people briefed', 'a person briefed', 'people with knowledge', 'a person with knowledge',
      ],
    },
    { family: 'vague', kind: 'group', phrases: ['critics', 'some', 'many', 'others'] },
    { family: 'witness', kind: 'group', phrases: ['residents', 'witnesses', 'eyewitnesses', 'locals', 'survivors'] },
    {
      // A resident speaks of what happened where they live ("one resident told Reuters").
      family: 'witness',
      kind: 'person',
      phrases: indefinite(['resident', 'local resident', 'witness', 'eyewitness', 'survivor', 'protected witness']),
    },
    {
      // A judge rules as the court does — an official body, as "The Supreme Court of Kenya ruled" is ("Presiding judge Anne
      // Peeters ruled that …"). "Judges" alone stays no speaker: "Judges at the regional court convicted …, finding that …".
      family: 'official',
      kind: 'person',
      phrases: ['presiding judge', 'the judge', 'the presiding judge', 'trial judge', 'the trial judge', 'the magistrate'],
    },
    {
      // Local reporting's sources by trade or circumstance: "Traders told us", "Another stallholder, who asked us not to use her
      // name, said", "One woman, who has shopped at the hall since the 1970s, said".
      family: 'public',
      kind: 'group',
      phrases: [
        'traders', 'stallholders', 'market traders', 'shopkeepers', 'shop owners', 'business owners', 'shoppers', 'customers',
        'farmers', 'fishermen', 'villagers', 'parents', 'commuters', 'passengers', 'tenants', 'neighbours', 'neighbors',
        'members of the public', 'drivers', 'taxi drivers', 'protesters', 'campaigners',
      ],
    },
    {
      // Singular only when indefinite: "the fisherman" later is the person described before ("the old fisherman says").
      family: 'public',
      kind: 'person',
      phrases: [
        ...indefinite([
          'trader', 'stallholder', 'market trader', 'shopkeeper', 'shop owner', 'business owner', 'shopper', 'customer', 'farmer',
          'fisherman', 'villager', 'parent', 'commuter', 'passenger', 'tenant', 'neighbour', 'neighbor', 'protester', 'campaigner',
          'man', 'woman', 'mother', 'father', 'elderly man', 'elderly woman', 'young man', 'young woman',
        ]),
      ],
    },
  ],
  documentNouns: [
    // South Asian press: "a threat alert issued by the home department", "according to intelligence inputs", "a letter written
    // by the interior ministry", "a notification", "a chargesheet filed by the NIA".
    'alert', 'alerts', 'inputs', 'letter', 'notification', 'circular', 'chargesheet', 'charge sheet',
    'report', 'reports', 'assessment', 'assessments', 'findings', 'study', 'studies', 'tally', 'survey', 'figures',
    'data', 'estimate', 'estimates', 'analysis', 'review', 'dossier', 'memo', 'briefing', 'investigation', 'audit',
    'census', 'count', 'poll', 'index', 'statement', 'paper', 'evaluation', 'inquiry', 'database', 'records',
    'document', 'documents', 'update', 'summary', 'note', 'communique', 'communiqué', 'outlook', 'advisory', 'bulletin',
    'draft',
  ],
  sourcePrepositions: [
    'according to', 'in the words of', 'in the view of', 'in the opinion of', 'in the estimation of',
    // Translated news English: "according to the information of the press service", "by the information of the ministry".
    'according to the information of', 'according to information from', 'according to the words of', 'by the information of',
    'according to the data of', 'according to data from',
    // South Asian English: "As per the data shared by the MHA, …".
    'as per',
  ],
  namedBodies: [
    {
      family: 'intelligence',
      heads: ['Organisation', 'Organization', 'Service', 'Services', 'Agency', 'Directorate', 'Bureau', 'Office', 'Department', 'Division', 'Command', 'Centre', 'Center', 'Community', 'Cell', 'Wing'],
      requires: ['Intelligence'],
    },
    // "Serbia's Security Information Agency", "the Federal Security Service", "the Internal Security Agency".
    { family: 'intelligence', heads: ['Agency', 'Service', 'Services', 'Directorate', 'Bureau'], requires: ['Security', 'Counterintelligence'] },
    { family: 'media', heads: ['Network', 'Corporation', 'Service', 'Agency', 'Channel', 'Group'], requires: ['Media', 'News', 'Broadcasting', 'Television', 'Radio', 'Press'] },
    // "Radio France Internationale", "Radio Free Asia", "Television Zimbabwe".
    { family: 'media', heads: ['Radio', 'Television'] },
    // Development and monetary banks and funds: "the Caribbean Development Bank"; "the Bank", "the Fund" then point back.
    { family: 'ifi', heads: ['Bank', 'Fund'], requires: ['Development', 'Investment', 'Reconstruction', 'Infrastructure', 'Monetary'] },
    // A research word beats "National": "the National Centre for Economic Policy Research" is a think tank, not a ministry.
    { family: 'research', heads: ['Institute', 'Institutes', 'Institution', 'Centre', 'Center', 'Council', 'Bureau', 'Group', 'Network', 'Observatory'], requires: ['Research', 'Studies', 'Study', 'Policy', 'Analysis'] },
    { family: 'ngo', heads: ['Council', 'Committee'], requires: ['Refugee', 'Refugees', 'Rescue'] },
    { family: 'official', heads: ['Institute', 'Institutes', 'Centre', 'Center', 'Observatory', 'Council'], requires: ['National', 'State', 'Federal', 'Government', 'Public', 'Ministry'] },
    { family: 'research', heads: ['Institute', 'Institution', 'Observatory', 'Project', 'Centre', 'Center', 'School', 'University', 'College', 'Initiative', 'Foundation', 'Forum', 'Economics', 'Analytics', 'Network', 'Lab', 'Labs', 'Laboratory'] },
    // Courts and legislatures speak as institutions of the state (the desk's official tag), never as UN or analysts;
    // a "Council" with no research word is a state's (Sovereign, Transitional, City, Military Council).
    { family: 'official', heads: ['Court', 'Tribunal', 'Parliament', 'Senate', 'Ministry', 'Council', 'Authority'] },
    // Political parties speak as politicians do ("the opposition Progress Party's parliamentary group").
    { family: 'official', heads: ['Party'] },
    // Armed forces, government or paramilitary, speak as the state's or a faction's official word: "the Rapid Support Forces",
    // "the Syrian Democratic Forces"; their initials ("the RSF") then stand for them.
    // So do corps, guards and units: "the Frontier Corps (FC)", "the Islamic Revolutionary Guard Corps", "the Revolutionary Guards",
    // Bangladesh's "Rapid Action Battalion", an armed faction's "… Brigades".
    { family: 'official', heads: ['Forces', 'Corps', 'Guards', 'Battalion', 'Battalions', 'Brigade', 'Brigades', 'Regiment'] },
    // Military and police commands and their press cells: "the Joint Operations Command", "the Diyala Police Command", Iraq's
    // "Security Media Cell" (an intelligence word before it was taken by the first rule: "the Falcons Intelligence Cell").
    { family: 'official', heads: ['Command', 'Cell', 'Headquarters'] },
    // An investigating or enforcement agency of a state: "the National Investigation Agency", "the Federal Investigation Agency".
    { family: 'official', heads: ['Agency'], requires: ['Investigation', 'Enforcement', 'Federal', 'National'] },
    { family: 'official', heads: ['Committee', 'Commission', 'Inquiry'], requires: ['Parliamentary', 'Joint', 'Select', 'Senate', 'House', 'Standing', 'Congressional'] },
  ],
  authorNouns: ['author', 'authors', 'co-author', 'co-authors', 'drafters', 'compilers'],
  documentRecipients: ['sent', 'submitted', 'presented', 'delivered', 'circulated', 'prepared', 'written', 'drafted', 'commissioned', 'made'],
  reactionVerbs: [
    'welcome', 'praise', 'hail', 'applaud', 'criticise', 'criticize', 'condemn', 'dismiss', 'reject', 'deny',
    'question', 'contest', 'endorse', 'accept', 'embrace', 'seize', 'call', 'respond', 'react', 'promise', 'vow',
    'pledge', 'threaten', 'demand', 'refuse', 'decline',
  ],
  citingParticiples: ['described', 'identified', 'named', 'listed', 'cited', 'mentioned', 'quoted', 'characterised', 'characterized', 'portrayed', 'labelled', 'labeled', 'singled', 'presented', 'depicted', 'referred', 'traced', 'documented', 'detailed', 'outlined', 'recorded'],
  affiliationPriority: ['un', 'intelligence', 'ifi', 'ngo', 'expert', 'research', 'media', 'witness', 'official', 'public', 'anonymous', 'vague'],
  analysisFamily: 'analysis',
  analysisCues: [
    // Copular evaluation with a superlative: "is the most serious test yet", "are the most direct … accusations".
    '\\b(?:is|are|was|were|remains?|marks?|represents?)\\s+(?:perhaps\\s+|arguably\\s+|by far\\s+)?(?:the|its|their)\\s+(?:\\p{L}+\\s+)?(?:most|least|biggest|gravest|starkest|sharpest|clearest|strongest|boldest|worst)\\b',
    '\\b(?:brought|brings|bring|bringing)\\s+to\\s+mind\\b',
    '\\b(?:will|would|could|may|is likely to|are likely to)\\s+(?:only\\s+|also\\s+|further\\s+)?(?:raise|fuel|deepen|heighten|revive|renew|stoke|add to|intensify|increase)\\s+(?:\\p{L}+\\s+){0,2}(?:concerns?|fears?|questions?|doubts?|worries|pressure|tensions?|suspicions?)\\b',
    '\\bwill\\s+(?:point|seize)\\s+(?:to|on)\\b',
    '\\b(?:is|was|comes as|came as)\\s+a\\s+(?:stark\\s+|sobering\\s+|timely\\s+)?reminder\\b',
  ],
  writerVoiceCues: [
    // A fact-check's own verdict: "We rate the claim false", "Verdict: False.", "Our rating: Misleading".
    '\\bwe\\s+(?:have\\s+)?rated?\\s+(?:this|the|that|these|his|her|their)\\b',
    '^\\s*(?:our\\s+)?(?:verdict|rating)\\s*:',
    '\\b(?:in|to)\\s+(?:my|our)\\s+(?:own\\s+)?(?:view|opinion|judge?ment|mind|reading)\\b',
    "\\b(?:I|we)\\s+(?:\\p{L}+ly\\s+)?(?:believe|think|suspect|doubt|would\\s+argue|argue|contend|(?:am|are)\\s+(?:not\\s+)?(?:convinced|persuaded|sure|certain)|remain\\s+(?:un)?convinced|(?:cannot|can['’]t)\\s+see|see\\s+no)\\b",
    '\\b(?:my|our)\\s+(?:own\\s+)?(?:view|reading|sense|guess|hunch|bet|conclusion)\\s+is\\b',
    '\\bit\\s+is\\s+(?:high\\s+|long\\s+past\\s+|past\\s+)?time\\b(?:,\\s*(?:too|also|now),)?\\s+(?:for|to)\\b',
    '\\bit\\s+(?:would|will)\\s+be\\s+(?:a\\s+)?(?:grave\\s+|serious\\s+|costly\\s+|historic\\s+)?(?:mistake|error|folly|wise|foolish|naive|naïve|unwise|reckless)\\b',
    '\\b(?:would|will)\\s+(?:be\\s+wise|do\\s+well)\\s+to\\b',
    '\\bit\\s+is\\s+(?:hard|difficult|impossible)\\s+to\\s+(?:see|imagine|believe|avoid\\s+the\\s+conclusion)\\b',
    '^(?:\\p{L}+,\\s+)?the\\s+(?:real\\s+|only\\s+|bigger\\s+|larger\\s+|harder\\s+)?question\\s+is\\s+(?:whether|how|why)\\b',
    '\\b(?:should|ought\\s+to)\\s+(?:alarm|worry|concern|trouble|shame|embarrass|frighten|sober|give\\s+\\p{L}+\\s+pause)\\b',
    '\\b(?:is|are)\\s+(?:simply\\s+|still\\s+)?not\\s+good\\s+enough\\b',
  ],
  opinionCues: [
    '\\b(?:in|to)\\s+(?:my|our)\\s+(?:own\\s+)?(?:view|opinion|judge?ment|mind|reading)\\b',
    "\\b(?:I|we)\\s+(?:\\p{L}+ly\\s+)?(?:believe|think|suspect|would\\s+argue|(?:am|are)\\s+not\\s+(?:convinced|persuaded|sure)|remain\\s+(?:un)?convinced)\\b",
    '\\b(?:my|our)\\s+(?:own\\s+)?(?:view|reading|guess|hunch)\\s+is\\b',
    // An editorial board's "we": "We agree.", "This newspaper has long argued that …".
    '^we\\s+(?:agree|disagree)\\b',
    '^(?:this|the)\\s+(?:newspaper|paper)\\s+(?:has\\s+)?(?:long\\s+)?(?:argued|believes|believed|maintained)\\b',
  ],
  opinionLabels: [
    "^(?:the\\s+)?(?:\\p{L}+\\s+){0,3}\\p{L}+['’]s\\s+view$",
    '^(?:our\\s+view|editorial|editorial\\s+board|leading\\s+article|guest\\s+column)$',
  ],
  documentPremodifiers: [
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'new', 'latest', 'recent',
    'leaked', 'confidential', 'classified', 'annual', 'earlier', 'previous', 'separate', 'fresh', 'internal',
    'preliminary', 'draft', 'final', 'joint', 'same', 'official', 'unpublished', 'quarterly', 'monthly', 'secret',
  ],
  anaphoricGroupFamilies: ['expert'],
  organisationAnaphors: ['lab', 'laboratory', 'lender', 'agency', 'organisation', 'organization', 'body', 'watchdog', 'team', 'office', 'bureau', 'panel', 'commission', 'committee', 'mission', 'investigators', 'monitors', 'inspectors'],
  organisationHeads: ['panel', 'team', 'commission', 'committee', 'mission', 'office', 'agency', 'agencies', 'body', 'council', 'monitors', 'investigators', 'inquiry', 'group', 'experts', 'envoy', 'monitor', 'watchdog', 'tribunal', 'court', 'observatory', 'officials', 'official', 'spokesman', 'spokeswoman', 'spokesperson',
    // Staff speak for their employer: "CIA analysts say", "a WHO researcher", "ASIO officers".
    'analyst', 'analysts', 'officer', 'officers', 'researcher', 'researchers', 'economist', 'economists', 'staff',
    'representative', 'representatives'],
  reportingVerbs: [
    'say', 'warn', 'note', 'argue', 'believe', 'claim', 'insist', 'report', 'conclude', 'estimate', 'show',
    'suggest', 'indicate', 'reveal', 'confirm', 'allege', 'acknowledge', 'add', 'explain', 'assess', 'identify',
    'highlight', 'credit', 'challenge', 'describe', 'reject', 'deny', 'accuse', 'predict', 'fear', 'caution',
    'maintain', 'contend', 'announce', 'attribute', 'document', 'cite', 'flag', 'point', 'stress', 'emphasise', 'emphasize',
    'underline', 'observe', 'recommend', 'urge', 'record', 'calculate', 'concede', 'admit', 'assert', 'declare',
    'blame', 'dismiss', 'expect', 'forecast', 'reiterate', 'agree', 'disagree', 'doubt', 'dispute', 'testify',
    'write', 'speak', 'tell', 'find', 'think', 'charge', 'underline', 'detail', 'recount', 'complain', 'worry', 'reckon',
    // What a count or an inquiry establishes: "Analysts … have counted 60 incidents", "The document also names 14 commanders".
    'count', 'tally', 'name', 'list', 'trace',
    // "The expert also considers that …", "expressed the opinion that", "State television has shown footage".
    'consider', 'express', 'inform',
    // Interviews and transcripts: "Reid replied that it was not".
    'reply', 'answer', 'retort',
    // Statements posted online, and forecasters' projections.
    'post', 'tweet', 'project',
    // Instructions and requests are reported speech too: "the ministry has instructed the provinces to …", "Pakistan has asked Kabul to …" (not "direct": "the most direct").
    'instruct', 'ask',
    // Courts: "The Supreme Court of Kenya ruled that …", "Presiding judge Anne Peeters ruled that the report could be admitted".
    'rule',

  ],
  irregularVerbs: [
    'said', 'told', 'found', 'thought', 'wrote', 'written', 'spoke', 'spoken', 'flagged', 'admitted', 'stated',
    'states',
    // "The agency puts the toll at 1,739."
    'puts', 'put', 'shown',
  ],
  auxiliaries: [
    'has', 'have', 'had', 'also', 'now', 'long', 'will', 'would', 'may', 'might', 'could', 'can', 'did', 'do', 'does',
    'not', 'further', 'again', 'still', 'later', 'earlier', 'today', 'yesterday', 'previously', 'recently',
    'repeatedly', 'publicly', 'privately', 'already', 'often', 'separately', 'too', 'both', 'all',
    // Emphatic reflexives: "The U.S. Treasury itself warned last year".
    'itself', 'themselves', 'himself', 'herself',
    'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday',
  ],
  stanceAdjectives: [
    'sceptical', 'skeptical', 'unconvinced', 'convinced', 'doubtful', 'divided', 'split', 'cautious', 'wary', 'optimistic',
    'pessimistic', 'upbeat', 'downbeat', 'sanguine', 'hopeful', 'confident', 'alarmed', 'concerned', 'worried', 'unimpressed',
    'bullish', 'bearish', 'gloomy', 'gloomier', 'warier', 'critical', 'dismissive', 'suspicious', 'uneasy', 'nervous',
    'relaxed', 'positive', 'negative', 'sure', 'unsure', 'certain', 'uncertain', 'agreed', 'unanimous',
  ],
  titles: {
    Dr: 'expert', Prof: 'expert', Professor: 'expert', Gen: 'official', General: 'official', Col: 'official',
    Colonel: 'official', Lt: 'official', Maj: 'official', Major: 'official', Capt: 'official', Captain: 'official',
    Judge: 'official', Adm: 'official', Admiral: 'official', Brig: 'official', Minister: 'official', President: 'official',
    Ambassador: 'official', Senator: 'official', Sen: 'official', Rep: 'official', Gov: 'official',
    Governor: 'official', Mayor: 'official', Commander: 'official', Secretary: 'official', Chancellor: 'official',
    // British local government's "Cllr Janet Pryce"; police ranks in court and crime reports ("DC Mark Ellis said").
    Cllr: 'official', Councillor: 'official', DC: 'official', DS: 'official', DI: 'official', DCI: 'official', DSI: 'official',
    PC: 'official', Sgt: 'official', Insp: 'official', Supt: 'official', Det: 'official', Detective: 'official',
    Inspector: 'official', Sergeant: 'official', Constable: 'official',
    // Courtesy titles say nothing of affiliation, but keep "Mr. Farrukh Nazarov" one name.
    Mr: '', Mrs: '', Ms: '',
    Brigadier: 'official', Lieutenant: 'official', Marshal: 'official', Commodore: 'official',
    // Arab armies' "Staff Major General …".
    Staff: 'official',
    // Honorifics of South Asian and Middle Eastern press keep the name whole but say nothing of affiliation ("Barrister Kamran
    // Yousafzai", "Mawlawi Ahmadullah Zahid", "Sheikh …").
    Barrister: '', Mawlawi: '', Maulvi: '', Maulana: '', Mullah: '', Qari: '', Sheikh: '', Sardar: '', Hojatoleslam: '',
  },
  hedges: {
    family: 'unattributed',
    phrases: [
      'reportedly', 'allegedly', 'purportedly', 'supposedly', 'ostensibly', 'rumoured', 'rumored',
      'it is understood', 'it is believed', 'it is thought', 'it is said', 'it is claimed', 'it was reported',
      // South Asian and translated press: "…, it is learnt.", "It has been confirmed that …".
      'it is learnt', 'it is learned', 'it has been learnt', 'it has been learned', 'it was learnt', 'it was learned',
      'it has been reported', 'it has been confirmed', 'it was confirmed', 'it was announced', 'it has been announced',
      // "The Hindu has learnt that …": the paper's own reporting, as "it is learnt".
      'has learnt that', 'has learned that', 'have learnt that', 'have learned that',
      'there are reports', 'there were reports', 'unconfirmed reports', 'unverified reports',
    ],
    passives: [
      'believed', 'thought', 'said', 'reported', 'understood', 'alleged', 'rumoured', 'rumored', 'suspected',
      'described', 'considered', 'feared', 'claimed', 'estimated', 'assumed', 'presumed', 'seen', 'known',
    ],
  },
  namedFamily: 'named',
  authorFamily: 'unattributed',
  nonClaims: [
    '^(?:read more|related|watch|listen|photo|image|video|advertisement|subscribe|click here|follow us|sign up)\\b',
    '^(?:editing|reporting|additional reporting|writing) by\\b',
    '^(?:this (?:story|article) (?:was|has been) (?:updated|corrected))',
    '^(?:copyright|©)',
    // Broadcast transcripts: thanks, hand-overs and stage directions are talk about the programme, not claims.
    '(?:^|,\\s*)(?:thank you|thanks)(?:\\s+(?:very|so)\\s+much)?(?:\\s+for\\s+\\p{L}+(?:\\s+\\p{L}+){0,3})?[.!]?$',
    "^let['’]s\\s+(?:bring\\s+in|turn\\s+(?:now\\s+)?to|go\\s+(?:now\\s+)?to|hear\\s+from|talk\\s+to|speak\\s+to)\\b",
    '^(?:good\\s+(?:morning|evening|afternoon)|welcome\\s+(?:back|to\\s+the\\s+(?:programme|program|show)))\\b',
    '^\\([^()]*\\)$',
    // "… is a researcher at the Clingendael Institute and joins us now.": an introduction on air.
    '\\bjoins\\s+us(?:\\s+now)?(?:\\s+(?:from|in)\\s+[^.!?]{1,60})?[.!]?$',
    // The hand-over to a correspondent: "Our correspondent Jonas Feld has been following the investigation from Berlin."
    // A print interview's framing: "She spoke to us by video from Seoul.", "The interview has been edited for length and clarity."
    "^(?:(?:she|he|they)|\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})\\s+(?:spoke|talked)\\s+(?:to|with)\\s+(?:us|me)\\s+(?:by|over|via|on)\\s+(?:the\\s+)?(?:video(?:\\s+(?:link|call))?|phone|telephone|zoom|skype)(?:\\s+(?:from|in)\\s+[^.,;!?]{1,40})?[.]?$",
    "^(?:we|i)\\s+(?:spoke|talked)\\s+(?:to|with)\\s+(?:both|them|him|her|them\\s+both)(?:\\s+(?:by|over|via|on)\\s+(?:the\\s+)?(?:video(?:\\s+(?:link|call))?|phone|telephone|zoom|skype))?(?:\\s+(?:in|from|at)\\s+[^.,;!?]{1,40})?[.]?$",
    '^(?:the|this)\\s+interview\\s+(?:has\\s+been|was|is)\\s+(?:lightly\\s+)?(?:edited|condensed)\\b',
    // An explainer's signpost: "Here is what we know about the trade, and what we do not."
    "^here(?:\\s+is|['’]s)\\s+what\\s+we\\s+(?:know|do\\s+not\\s+know|don['’]t\\s+know)\\b",
    '^(?:our|my)\\s+(?:colleague|correspondent|reporter)\\s+(?:\\p{Lu}[\\p{L}\'’-]+\\s+){1,3}(?:joins\\s+us|is\\s+with\\s+us|has\\s+been\\s+(?:following|covering|watching))\\b',
    // A live blog's or a wire's framing: "Our correspondents in Port Sudan and Nairobi are following the fighting.", "We have not
    // been able to verify the army's account independently."
    "^(?:our|my)\\s+(?:colleagues?|correspondents?|reporters?|team)\\b[^.!?]{0,80}?\\s+(?:is|are|has\\s+been|have\\s+been)\\s+(?:following|covering|tracking|monitoring)\\s+(?:the\\s+|this\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:fighting|story|events?|developments|situation|crisis|war|talks|vote|election|summit|investigation|trial)(?:\\s+(?:from|in)\\s+[^.!?]{1,40})?[.]?$",
    '^(?:we|i|this\\s+newspaper|the\\s+newspaper)\\s+(?:could\\s+not|cannot|can\\s+not|(?:have|has|had)\\s+not\\s+been\\s+able\\s+to|(?:was|were)\\s+not\\s+able\\s+to|(?:have|has|had)\\s+been\\s+unable\\s+to|(?:was|were|are|is)\\s+unable\\s+to)\\s+(?:independently\\s+)?(?:verify|confirm)\\b',
  ],
  transitions: [
    'but', 'and', 'so', 'still', 'yet', 'meanwhile', 'however', 'moreover', 'indeed', 'here', 'there', 'now',
    'then', 'that', 'this', 'it', 'more', 'in short', 'in other words', 'for now', 'either way', 'even so',
  ],
};

/**
 * A desk's additions on top of a base lexicon: families are merged key by key (a desk can remap
 * `un` → ['un', 'multilateral']), lists are appended.
 */
export type LexiconExtension = {
  [K in keyof Lexicon]?: Lexicon[K] extends readonly unknown[] ? Lexicon[K] : Lexicon[K] extends Hedges ? Partial<Hedges> : Partial<Lexicon[K]>;
};

export function extendLexicon(base: Lexicon, ext: LexiconExtension): Lexicon {
  const hedges = ext.hedges ?? {};
  return {
    families: { ...base.families, ...(ext.families as Record<string, SourceFamily> | undefined) },
    sources: [...base.sources, ...(ext.sources ?? [])],
    documentNouns: [...base.documentNouns, ...(ext.documentNouns ?? [])],
    sourcePrepositions: [...base.sourcePrepositions, ...(ext.sourcePrepositions ?? [])],
    namedBodies: [...(ext.namedBodies ?? []), ...base.namedBodies],
    authorNouns: [...base.authorNouns, ...(ext.authorNouns ?? [])],
    documentRecipients: [...base.documentRecipients, ...(ext.documentRecipients ?? [])],
    reactionVerbs: [...base.reactionVerbs, ...(ext.reactionVerbs ?? [])],
    citingParticiples: [...base.citingParticiples, ...(ext.citingParticiples ?? [])],
    affiliationPriority: ext.affiliationPriority ?? base.affiliationPriority,
    analysisFamily: ext.analysisFamily ?? base.analysisFamily,
    analysisCues: [...base.analysisCues, ...(ext.analysisCues ?? [])],
    writerVoiceCues: [...base.writerVoiceCues, ...(ext.writerVoiceCues ?? [])],
    opinionCues: [...base.opinionCues, ...(ext.opinionCues ?? [])],
    opinionLabels: [...base.opinionLabels, ...(ext.opinionLabels ?? [])],
    documentPremodifiers: [...base.documentPremodifiers, ...(ext.documentPremodifiers ?? [])],
    anaphoricGroupFamilies: [...base.anaphoricGroupFamilies, ...(ext.anaphoricGroupFamilies ?? [])],
    organisationAnaphors: [...base.organisationAnaphors, ...(ext.organisationAnaphors ?? [])],
    organisationHeads: [...base.organisationHeads, ...(ext.organisationHeads ?? [])],
    reportingVerbs: [...base.reportingVerbs, ...(ext.reportingVerbs ?? [])],
    irregularVerbs: [...base.irregularVerbs, ...(ext.irregularVerbs ?? [])],
    auxiliaries: [...base.auxiliaries, ...(ext.auxiliaries ?? [])],
    stanceAdjectives: [...base.stanceAdjectives, ...(ext.stanceAdjectives ?? [])],
    titles: { ...base.titles, ...(ext.titles as Record<string, string> | undefined) },
    hedges: {
      family: hedges.family ?? base.hedges.family,
      phrases: [...base.hedges.phrases, ...(hedges.phrases ?? [])],
      passives: [...base.hedges.passives, ...(hedges.passives ?? [])],
    },
    namedFamily: ext.namedFamily ?? base.namedFamily,
    authorFamily: ext.authorFamily ?? base.authorFamily,
    nonClaims: [...base.nonClaims, ...(ext.nonClaims ?? [])],
    transitions: [...base.transitions, ...(ext.transitions ?? [])],
  };
}

/** The first of the family's preferred tag keys the desk has, else null. */
export function tagForFamily(lexicon: Lexicon, family: string, deskTags: readonly string[]): string | null {
  const prefs = lexicon.families[family]?.tags ?? [];
  return prefs.find((t) => deskTags.includes(t)) ?? null;
}
