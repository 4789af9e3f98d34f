/**
 * Invented demo data. No real person from the source texts is loaded: names are combined at random from common
 * first and family names of each origin, and every e-mail uses the reserved .example domain.
 */

export const HANNOVER_DISTRICTS: ReadonlyArray<{ name: string; lat: number; lon: number }> = [
  { name: 'Mitte', lat: 52.3744, lon: 9.7386 },
  { name: 'Vahrenwald-List', lat: 52.3958, lon: 9.7511 },
  { name: 'Bothfeld-Vahrenheide', lat: 52.4211, lon: 9.7872 },
  { name: 'Buchholz-Kleefeld', lat: 52.3817, lon: 9.8153 },
  { name: 'Misburg-Anderten', lat: 52.3839, lon: 9.8708 },
  { name: 'Kirchrode-Bemerode-Wülferode', lat: 52.3397, lon: 9.8356 },
  { name: 'Südstadt-Bult', lat: 52.3592, lon: 9.7558 },
  { name: 'Döhren-Wülfel', lat: 52.3386, lon: 9.7711 },
  { name: 'Ricklingen', lat: 52.3408, lon: 9.7147 },
  { name: 'Linden-Limmer', lat: 52.3681, lon: 9.7039 },
  { name: 'Ahlem-Badenstedt-Davenstedt', lat: 52.3681, lon: 9.6558 },
  { name: 'Herrenhausen-Stöcken', lat: 52.4103, lon: 9.6956 },
  { name: 'Nord', lat: 52.3989, lon: 9.7228 },
];

export const OSNABRUECK_DISTRICTS: ReadonlyArray<{ name: string; lat: number; lon: number }> = [
  { name: 'Bramsche', lat: 52.4089, lon: 7.9728 },
  { name: 'Melle', lat: 52.2033, lon: 8.3383 },
  { name: 'Quakenbrück', lat: 52.6772, lon: 7.9575 },
  { name: 'Georgsmarienhütte', lat: 52.2019, lon: 8.0447 },
  { name: 'Bad Iburg', lat: 52.1553, lon: 8.0453 },
  { name: 'Wallenhorst', lat: 52.3519, lon: 8.0197 },
];

/** Origin profiles: country, typical first language(s), invented name pools. */
export const ORIGINS: ReadonlyArray<{ country: string; languages: string[]; first: string[]; last: string[] }> = [
  {
    country: 'SY',
    languages: ['ar'],
    first: ['Rania', 'Samir', 'Lina', 'Yara', 'Omar'],
    last: ['Haddad', 'Khoury', 'Nasser', 'Saleh'],
  },
  { country: 'SY', languages: ['kmr', 'ar'], first: ['Berivan', 'Delal', 'Rojhat'], last: ['Amed', 'Baran', 'Zagros'] },
  { country: 'IQ', languages: ['ar', 'ckb'], first: ['Huda', 'Karwan', 'Shilan'], last: ['Rashid', 'Kareem', 'Aziz'] },
  {
    country: 'AF',
    languages: ['prs', 'ps'],
    first: ['Farida', 'Mahmud', 'Sahar', 'Jawid'],
    last: ['Rahimi', 'Noori', 'Sultani'],
  },
  { country: 'IR', languages: ['fa'], first: ['Shirin', 'Babak', 'Niloufar'], last: ['Ahmadi', 'Karimi', 'Moradi'] },
  {
    country: 'TR',
    languages: ['tr'],
    first: ['Aylin', 'Emre', 'Elif', 'Murat'],
    last: ['Yıldız', 'Demir', 'Aydın', 'Kaya'],
  },
  { country: 'TR', languages: ['kmr', 'tr'], first: ['Zozan', 'Dilan'], last: ['Ciwan', 'Serhat'] },
  { country: 'RU', languages: ['ru'], first: ['Olga', 'Dmitri', 'Natalja'], last: ['Wolkow', 'Sorokina', 'Petrow'] },
  { country: 'KZ', languages: ['ru', 'kk'], first: ['Aigerim', 'Viktor'], last: ['Schmidt', 'Nurlanowa'] },
  {
    country: 'UA',
    languages: ['uk', 'ru'],
    first: ['Oksana', 'Andrij', 'Iryna', 'Taras'],
    last: ['Kowalenko', 'Bondarenko', 'Melnyk'],
  },
  { country: 'BG', languages: ['bg'], first: ['Desislava', 'Georgi'], last: ['Petrova', 'Iwanow'] },
  { country: 'RO', languages: ['ro'], first: ['Ioana', 'Mihai'], last: ['Popescu', 'Dumitru'] },
  { country: 'PL', languages: ['pl'], first: ['Agnieszka', 'Tomasz'], last: ['Nowak', 'Wiśniewska'] },
  { country: 'ES', languages: ['es'], first: ['Lucía', 'Javier'], last: ['Moreno', 'Navarro'] },
  { country: 'CO', languages: ['es'], first: ['Valentina', 'Andrés'], last: ['Restrepo', 'Gómez'] },
  { country: 'ER', languages: ['ti', 'ar'], first: ['Senait', 'Yonas'], last: ['Tesfay', 'Gebremedhin'] },
  { country: 'ET', languages: ['am'], first: ['Hiwot', 'Dawit'], last: ['Bekele', 'Alemu'] },
  { country: 'SO', languages: ['so', 'ar'], first: ['Hodan', 'Abdirahman'], last: ['Warsame', 'Farah'] },
  { country: 'NG', languages: ['yo', 'en'], first: ['Adaeze', 'Tunde'], last: ['Okafor', 'Adeyemi'] },
  { country: 'GH', languages: ['en'], first: ['Akosua', 'Kwame'], last: ['Mensah', 'Owusu'] },
  { country: 'CM', languages: ['fr', 'en'], first: ['Mireille', 'Blaise'], last: ['Nkemelu', 'Tchoumi'] },
  { country: 'MA', languages: ['ar', 'fr'], first: ['Samira', 'Youssef'], last: ['Bennani', 'El Amrani'] },
  { country: 'TN', languages: ['ar', 'fr'], first: ['Ines', 'Karim'], last: ['Trabelsi', 'Mejri'] },
  { country: 'EG', languages: ['ar', 'en'], first: ['Mona', 'Hany'], last: ['Fathy', 'Mansour'] },
  { country: 'LB', languages: ['ar', 'fr'], first: ['Nour', 'Rami'], last: ['Aoun', 'Chamoun'] },
  { country: 'PS', languages: ['ar'], first: ['Dima', 'Fadi'], last: ['Barakat', 'Odeh'] },
  { country: 'VN', languages: ['vi'], first: ['Thu', 'Minh'], last: ['Nguyen', 'Tran'] },
  { country: 'CN', languages: ['zh'], first: ['Mei', 'Wei'], last: ['Zhang', 'Liu'] },
  { country: 'IN', languages: ['hi', 'en'], first: ['Priya', 'Arjun'], last: ['Sharma', 'Nair'] },
  { country: 'PK', languages: ['ur', 'en'], first: ['Ayesha', 'Bilal'], last: ['Qureshi', 'Malik'] },
  { country: 'XK', languages: ['sq', 'sr'], first: ['Arta', 'Besnik'], last: ['Krasniqi', 'Berisha'] },
  { country: 'BA', languages: ['bs', 'hr'], first: ['Amra', 'Edin'], last: ['Hodžić', 'Begić'] },
  { country: 'GR', languages: ['el'], first: ['Eleni', 'Nikos'], last: ['Papadopoulou', 'Georgiou'] },
  { country: 'IT', languages: ['it'], first: ['Giulia', 'Matteo'], last: ['Esposito', 'Ricci'] },
  { country: 'BR', languages: ['pt'], first: ['Camila', 'Rafael'], last: ['Souza', 'Oliveira'] },
  { country: 'DE', languages: ['de'], first: ['Katrin', 'Jens', 'Sabine'], last: ['Brandt', 'Hoffmann', 'Lehmann'] },
];

export const HANNOVER_PARTNERS: ReadonlyArray<{
  name: string;
  type: string;
  district: string;
  street: string;
  postalCode: string;
}> = [
  {
    name: 'Kommunaler Sozialdienst Hannover-Mitte',
    type: 'municipal_social_service',
    district: 'Mitte',
    street: 'Am Beispielplatz 1',
    postalCode: '30159',
  },
  {
    name: 'AWO Region Hannover – Migrationsdienste',
    type: 'welfare_association',
    district: 'Linden-Limmer',
    street: 'Musterstraße 12',
    postalCode: '30449',
  },
  {
    name: 'DRK Kreisverband Hannover – Flüchtlingshilfe',
    type: 'welfare_association',
    district: 'Vahrenwald-List',
    street: 'Beispielweg 3',
    postalCode: '30163',
  },
  {
    name: 'Caritasverband Hannover – Migrationsberatung',
    type: 'counselling_service',
    district: 'Südstadt-Bult',
    street: 'Musterallee 7',
    postalCode: '30171',
  },
  {
    name: 'Diakonisches Werk Hannover – Beratungszentrum',
    type: 'counselling_service',
    district: 'Mitte',
    street: 'Probestraße 21',
    postalCode: '30161',
  },
  {
    name: 'Migrationserstberatung Hannover-Nord',
    type: 'counselling_service',
    district: 'Nord',
    street: 'Testgasse 5',
    postalCode: '30167',
  },
  {
    name: 'Integrierte Gesamtschule Beispielstadt',
    type: 'school_kita',
    district: 'Bothfeld-Vahrenheide',
    street: 'Schulweg 2',
    postalCode: '30179',
  },
  {
    name: 'Grundschule am Musterpark',
    type: 'school_kita',
    district: 'Ricklingen',
    street: 'Parkstraße 9',
    postalCode: '30459',
  },
  {
    name: 'Kita Regenbogen Misburg',
    type: 'school_kita',
    district: 'Misburg-Anderten',
    street: 'Spielplatzweg 4',
    postalCode: '30629',
  },
  {
    name: 'Gemeinschaftsunterkunft Am Beispielhof',
    type: 'refugee_housing',
    district: 'Herrenhausen-Stöcken',
    street: 'Beispielhof 1',
    postalCode: '30419',
  },
  {
    name: 'Interkultureller Verein Brückenschlag e. V.',
    type: 'migrant_organisation',
    district: 'Linden-Limmer',
    street: 'Vereinsweg 8',
    postalCode: '30451',
  },
  {
    name: 'Freiwilligenzentrum Musterstadt',
    type: 'other',
    district: 'Döhren-Wülfel',
    street: 'Ehrenamtsplatz 6',
    postalCode: '30519',
  },
];

export const OSNABRUECK_PARTNERS: ReadonlyArray<{
  name: string;
  type: string;
  district: string;
  street: string;
  postalCode: string;
}> = [
  {
    name: 'Sozialdienst Landkreis Osnabrück',
    type: 'municipal_social_service',
    district: 'Bramsche',
    street: 'Kreisweg 1',
    postalCode: '49565',
  },
  {
    name: 'Caritas Melle – Migrationsberatung',
    type: 'counselling_service',
    district: 'Melle',
    street: 'Beispielstraße 4',
    postalCode: '49324',
  },
  {
    name: 'Oberschule Quakenbrück',
    type: 'school_kita',
    district: 'Quakenbrück',
    street: 'Schulstraße 3',
    postalCode: '49610',
  },
];

export const DEMO_PASSWORD = 'lotsen-demo-2026';
export const DEMO_ACCOUNTS = {
  admin: 'admin@lotsennetz.example',
  hannoverCoordinator: 'koordination@hannover.example',
  hannoverGuide: 'lotsin@hannover.example',
  hannoverPartner: 'awo@hannover.example',
  osnabrueckCoordinator: 'koordination@osnabrueck.example',
} as const;
