/** Names and places for generated companies, contacts and owners, in English and Portuguese. */

/** Splits a `|`- or newline-separated list; keeps the source compact where one word per line would not be. */
export function splitList(text: string): readonly string[] {
  return text
    .split(/[|\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export type Locale = 'en' | 'pt';

export const companyPrefixes: Record<Locale, readonly string[]> = {
  en: splitList(`Blue|North|Silver|Bright|Iron|Summit|Pine|Atlas|Nimbus|Vertex|Quantum|Orbit|Cedar|Falcon|Granite
    Lumen|Maple|Nova|Oak|Pioneer|Redwood|Sterling|Terra|Union|Vista|Willow|Zenith|Apex|Beacon|Cobalt|Delta|Ember
    Fjord|Glacier|Horizon|Indigo|Juniper|Keystone|Lighthouse|Meridian|Nexus|Onyx|Prism|Quarry|River|Sierra|Tidal
    Urban|Velvet|Westfield|Copper|Evergreen|Foxglove|Golden Gate|Highland|Ironclad|Kestrel|Lakeside|Midland
    Northstar|Oakridge|Pinnacle|Riverbend|Silverline|Stonebridge|Sunrise|Thunder|Trailhead|Brightwater|Clearview
    Crescent|Driftwood|Eastgate|Fairway|Greenleaf|Hawthorne|Ironwood|Bluebird|Redstone|Starling|Waypoint`),
  pt: splitList(`Aurora|Brisa|Cristal|Dourado|Estrela|Farol|Girassol|Horizonte|Ipê|Jacarandá|Litoral|Mar Azul
    Nascente|Oceano|Palmeira|Rio Claro|Serra|Sol Nascente|Tupã|Vale Verde|Araucária|Boa Vista|Cajueiro|Diamante
    Esmeralda|Fortaleza|Guaraná|Itapuã|Jequitibá|Lagoa|Mirante|Norte|Paineira|Pedra Branca|Planalto|Porto Novo
    Rubi|Safira|Terra Nova|Topázio|Ubá|Vitória|Aroeira|Bem-te-vi|Canoa|Coral|Sabiá|Tucano|Beira-Mar|Alvorada
    Monte Alegre|Ouro Preto|Pérola|Primavera|Recanto|Sertão|Vento Sul|Cidade Alta|Baía|Cachoeira`),
};

export const companyCores: Record<Locale, readonly string[]> = {
  en: splitList(`Analytics|Labs|Systems|Logistics|Health|Foods|Capital|Robotics|Media|Software|Solutions|Networks
    Energy|Retail|Manufacturing|Consulting|Bio|Freight|Studios|Partners|Dynamics|Works|Technologies|Supply|Pharma
    Finance|Insurance|Learning|Travel|Security|Data|Cloud|Devices|Motors|Outfitters|Brands|Marine|Aerospace`),
  pt: splitList(`Tecnologia|Logística|Alimentos|Saúde|Engenharia|Comércio|Serviços|Consultoria|Sistemas|Educação
    Transportes|Indústria|Seguros|Digital|Agro|Energia|Construtora|Farma|Varejo|Têxtil|Metalúrgica|Software
    Laboratórios|Distribuidora|Móveis|Cosméticos|Investimentos|Telecom|Mineração|Embalagens`),
};

export const legalForms: Record<Locale, readonly string[]> = {
  en: ['Inc.', 'LLC', 'Ltd', 'Co.', 'Group', '', '', ''],
  pt: ['Ltda.', 'S.A.', 'Ltda.', '', '', 'Grupo'],
};

export const firstNames: Record<Locale, readonly string[]> = {
  en: splitList(`James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard
    Susan|Joseph|Jessica|Thomas|Sarah|Charles|Karen|Daniel|Lisa|Matthew|Nancy|Anthony|Betty|Mark|Sandra|Steven
    Ashley|Andrew|Emily|Joshua|Michelle|Kevin|Amanda|Brian|Melissa|George|Rebecca|Timothy|Laura|Ryan|Hannah
    Jacob|Olivia|Nathan|Grace|Samuel|Chloe|Ethan|Megan|Liam|Sophie|Owen|Fiona|Callum|Aisha|Priya|Wei`),
  pt: splitList(`João|Maria|José|Ana|Antônio|Francisca|Carlos|Adriana|Paulo|Juliana|Pedro|Márcia|Lucas|Fernanda
    Luiz|Patrícia|Marcos|Aline|Luís|Sandra|Gabriel|Camila|Rafael|Amanda|Daniel|Bruna|Marcelo|Letícia|Bruno
    Beatriz|Eduardo|Larissa|Felipe|Vanessa|Rodrigo|Mariana|Gustavo|Gabriela|Tiago|Carolina|Diego|Renata|André
    Raquel|Leonardo|Tatiane|Ricardo|Priscila|Vinícius|Débora|Matheus|Luana|Caio|Inês|Rui|Joana|Duarte|Leonor`),
};

export const lastNames: Record<Locale, readonly string[]> = {
  en: splitList(`Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore
    Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|Wright|Scott|Green
    Baker|Adams|Nelson|Hill|Campbell|Mitchell|Roberts|Carter|Phillips|Evans|Turner|Parker|Collins|Edwards
    Stewart|Morris|Murphy|Cook|Rogers|Morgan|Cooper|Peterson|Bailey|Reed|Kelly|Howard|Cox|Ward|Richardson
    Watson|Brooks|Wood|Bennett|Gray|Hughes|Price|Sanders|Patel|Chen|Nguyen|Kim|O'Brien|MacDonald|Fraser`),
  pt: splitList(`Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro
    Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Andrade|Moreira
    Nunes|Marques|Machado|Mendes|Freitas|Cardoso|Ramos|Gonçalves|Santana|Teixeira|Araújo|Pinto|Correia
    Monteiro|Moura|Cavalcanti|Batista|Campos|Castro|Azevedo|Brandão|Coelho|Figueiredo|Sousa|Magalhães`),
};

export const jobTitles: Record<Locale, readonly string[]> = {
  en: splitList(`CEO|CTO|COO|VP of Operations|Head of Customer Experience|IT Manager|Operations Manager
    Product Manager|Finance Director|Marketing Manager|Sales Director|Customer Success Lead|Data Analyst
    Software Engineer|Procurement Manager|Office Manager|Head of Support|Project Manager|HR Director`),
  pt: splitList(`Diretor Executivo|Diretora de Tecnologia|Gerente de Operações|Gerente de TI|Analista de Dados
    Gerente de Produto|Diretor Financeiro|Gerente de Marketing|Diretora Comercial|Coordenador de Suporte
    Engenheira de Software|Gerente de Compras|Coordenadora de RH|Gerente de Projetos|Head de Customer Success`),
};

/** HubSpot's `industry` enumeration values (a subset) with their labels. */
export const industries: readonly (readonly [value: string, label: string])[] = [
  ['COMPUTER_SOFTWARE', 'Computer Software'],
  ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'Information Technology and Services'],
  ['FINANCIAL_SERVICES', 'Financial Services'],
  ['HOSPITAL_HEALTH_CARE', 'Hospital & Health Care'],
  ['RETAIL', 'Retail'],
  ['LOGISTICS_AND_SUPPLY_CHAIN', 'Logistics and Supply Chain'],
  ['MARKETING_AND_ADVERTISING', 'Marketing and Advertising'],
  ['EDUCATION_MANAGEMENT', 'Education Management'],
  ['CONSTRUCTION', 'Construction'],
  ['FOOD_BEVERAGES', 'Food & Beverages'],
  ['INSURANCE', 'Insurance'],
  ['AUTOMOTIVE', 'Automotive'],
  ['TELECOMMUNICATIONS', 'Telecommunications'],
  ['PHARMACEUTICALS', 'Pharmaceuticals'],
  ['REAL_ESTATE', 'Real Estate'],
  ['MANAGEMENT_CONSULTING', 'Management Consulting'],
  ['MACHINERY', 'Machinery'],
  ['RENEWABLES_ENVIRONMENT', 'Renewables & Environment'],
  ['HOSPITALITY', 'Hospitality'],
  ['INTERNET', 'Internet'],
];

/** Countries per locale with their cities and a weight (share of that locale's customers). */
export const countries: Record<
  Locale,
  readonly { name: string; weight: number; tld: string; cities: readonly string[] }[]
> = {
  en: [
    {
      name: 'United States',
      weight: 55,
      tld: 'com',
      cities: splitList(`New York|San Francisco|Austin|Chicago|Boston
      Seattle|Denver|Atlanta|Miami|Portland|Minneapolis|Nashville|Raleigh|San Diego`),
    },
    {
      name: 'United Kingdom',
      weight: 18,
      tld: 'co.uk',
      cities: splitList('London|Manchester|Bristol|Leeds|Edinburgh|Glasgow'),
    },
    { name: 'Canada', weight: 12, tld: 'ca', cities: splitList('Toronto|Vancouver|Montreal|Calgary|Ottawa') },
    {
      name: 'Australia',
      weight: 10,
      tld: 'com.au',
      cities: splitList('Sydney|Melbourne|Brisbane|Perth|Adelaide'),
    },
    { name: 'Ireland', weight: 5, tld: 'ie', cities: splitList('Dublin|Cork|Galway') },
  ],
  pt: [
    {
      name: 'Brazil',
      weight: 80,
      tld: 'com.br',
      cities: splitList(`São Paulo|Rio de Janeiro|Belo Horizonte|Curitiba
      Porto Alegre|Recife|Salvador|Florianópolis|Campinas|Fortaleza|Brasília|Goiânia|Vitória|Joinville`),
    },
    { name: 'Portugal', weight: 20, tld: 'pt', cities: splitList('Lisboa|Porto|Braga|Coimbra|Aveiro|Faro') },
  ],
};

/** Products sold as expansions (deal names). */
export const expansionProducts = splitList(`Additional seats|Analytics add-on|Premium support|API access tier
  Data warehouse connector|SSO & audit log|Sandbox environment|Advanced automation|Onboarding services`);
