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

/**
 * Origin profiles: country, typical first language(s), and invented name pools by gender. Where family names
 * change with gender (Slavic, Greek, Polish), each gender has its own list, so a name never contradicts the person.
 */
export type Origin = {
  country: string;
  languages: string[];
  female: string[];
  male: string[];
  last: string[];
  /** Family names for women where they differ (Sorokina, Papadopoulou …); else `last` serves both. */
  lastFemale?: string[];
};

export const ORIGINS: ReadonlyArray<Origin> = [
  {
    country: 'SY',
    languages: ['ar'],
    female: ['Rania', 'Lina', 'Yara', 'Dalia'],
    male: ['Samir', 'Omar', 'Fadi'],
    last: ['Haddad', 'Khoury', 'Nasser', 'Saleh'],
  },
  {
    country: 'SY',
    languages: ['kmr', 'ar'],
    female: ['Berivan', 'Delal', 'Rojda'],
    male: ['Rojhat', 'Azad'],
    last: ['Amed', 'Baran', 'Zagros'],
  },
  {
    country: 'IQ',
    languages: ['ar', 'ckb'],
    female: ['Huda', 'Shilan', 'Nasrin'],
    male: ['Karwan', 'Dilshad'],
    last: ['Rashid', 'Kareem', 'Aziz'],
  },
  {
    country: 'AF',
    languages: ['prs', 'ps'],
    female: ['Farida', 'Sahar', 'Mariam'],
    male: ['Mahmud', 'Jawid'],
    last: ['Rahimi', 'Noori', 'Sultani'],
  },
  {
    country: 'IR',
    languages: ['fa'],
    female: ['Shirin', 'Niloufar', 'Parisa'],
    male: ['Babak', 'Kaveh'],
    last: ['Ahmadi', 'Karimi', 'Moradi'],
  },
  {
    country: 'TR',
    languages: ['tr'],
    female: ['Aylin', 'Elif', 'Zeynep'],
    male: ['Emre', 'Murat'],
    last: ['Yıldız', 'Demir', 'Aydın', 'Kaya'],
  },
  {
    country: 'TR',
    languages: ['kmr', 'tr'],
    female: ['Zozan', 'Dilan'],
    male: ['Ciwan', 'Serhat'],
    last: ['Oruç', 'Tekin'],
  },
  {
    country: 'RU',
    languages: ['ru'],
    female: ['Olga', 'Natalja', 'Swetlana'],
    male: ['Dmitri', 'Sergej'],
    last: ['Wolkow', 'Sorokin', 'Petrow'],
    lastFemale: ['Wolkowa', 'Sorokina', 'Petrowa'],
  },
  {
    country: 'KZ',
    languages: ['ru', 'kk'],
    female: ['Aigerim', 'Ljudmila'],
    male: ['Viktor', 'Nurlan'],
    last: ['Schmidt', 'Nurlanow'],
    lastFemale: ['Schmidt', 'Nurlanowa'],
  },
  {
    country: 'UA',
    languages: ['uk', 'ru'],
    female: ['Oksana', 'Iryna', 'Olena'],
    male: ['Andrij', 'Taras'],
    last: ['Kowalenko', 'Bondarenko', 'Melnyk'],
  },
  {
    country: 'BG',
    languages: ['bg'],
    female: ['Desislava', 'Milena'],
    male: ['Georgi', 'Stojan'],
    last: ['Petrow', 'Iwanow'],
    lastFemale: ['Petrowa', 'Iwanowa'],
  },
  {
    country: 'RO',
    languages: ['ro'],
    female: ['Ioana', 'Elena'],
    male: ['Mihai', 'Andrei'],
    last: ['Popescu', 'Dumitru'],
  },
  {
    country: 'PL',
    languages: ['pl'],
    female: ['Agnieszka', 'Katarzyna'],
    male: ['Tomasz', 'Piotr'],
    last: ['Nowak', 'Wiśniewski'],
    lastFemale: ['Nowak', 'Wiśniewska'],
  },
  {
    country: 'ES',
    languages: ['es'],
    female: ['Lucía', 'Carmen'],
    male: ['Javier', 'Pablo'],
    last: ['Moreno', 'Navarro'],
  },
  {
    country: 'CO',
    languages: ['es'],
    female: ['Valentina', 'Daniela'],
    male: ['Andrés', 'Camilo'],
    last: ['Restrepo', 'Gómez'],
  },
  {
    country: 'ER',
    languages: ['ti', 'ar'],
    female: ['Senait', 'Helen'],
    male: ['Yonas', 'Berhane'],
    last: ['Tesfay', 'Gebremedhin'],
  },
  { country: 'ET', languages: ['am'], female: ['Hiwot', 'Selam'], male: ['Dawit', 'Abebe'], last: ['Bekele', 'Alemu'] },
  {
    country: 'SO',
    languages: ['so', 'ar'],
    female: ['Hodan', 'Ayaan'],
    male: ['Abdirahman', 'Mohamed'],
    last: ['Warsame', 'Farah'],
  },
  {
    country: 'NG',
    languages: ['yo', 'en'],
    female: ['Adaeze', 'Funmi'],
    male: ['Tunde', 'Chidi'],
    last: ['Okafor', 'Adeyemi'],
  },
  { country: 'GH', languages: ['en'], female: ['Akosua', 'Ama'], male: ['Kwame', 'Kofi'], last: ['Mensah', 'Owusu'] },
  {
    country: 'CM',
    languages: ['fr', 'en'],
    female: ['Mireille', 'Sandrine'],
    male: ['Blaise', 'Serge'],
    last: ['Nkemelu', 'Tchoumi'],
  },
  {
    country: 'MA',
    languages: ['ar', 'fr'],
    female: ['Samira', 'Latifa'],
    male: ['Youssef', 'Hamid'],
    last: ['Bennani', 'El Amrani'],
  },
  {
    country: 'TN',
    languages: ['ar', 'fr'],
    female: ['Ines', 'Salma'],
    male: ['Karim', 'Walid'],
    last: ['Trabelsi', 'Mejri'],
  },
  {
    country: 'EG',
    languages: ['ar', 'en'],
    female: ['Mona', 'Heba'],
    male: ['Hany', 'Tarek'],
    last: ['Fathy', 'Mansour'],
  },
  {
    country: 'LB',
    languages: ['ar', 'fr'],
    female: ['Nour', 'Rita'],
    male: ['Rami', 'Elie'],
    last: ['Aoun', 'Chamoun'],
  },
  { country: 'PS', languages: ['ar'], female: ['Dima', 'Reem'], male: ['Fadi', 'Nabil'], last: ['Barakat', 'Odeh'] },
  { country: 'VN', languages: ['vi'], female: ['Thu', 'Lan'], male: ['Minh', 'Duc'], last: ['Nguyen', 'Tran'] },
  { country: 'CN', languages: ['zh'], female: ['Mei', 'Xiu'], male: ['Wei', 'Jun'], last: ['Zhang', 'Liu'] },
  {
    country: 'IN',
    languages: ['hi', 'en'],
    female: ['Priya', 'Anjali'],
    male: ['Arjun', 'Rahul'],
    last: ['Sharma', 'Nair'],
  },
  {
    country: 'PK',
    languages: ['ur', 'en'],
    female: ['Ayesha', 'Sana'],
    male: ['Bilal', 'Imran'],
    last: ['Qureshi', 'Malik'],
  },
  {
    country: 'XK',
    languages: ['sq', 'sr'],
    female: ['Arta', 'Drita'],
    male: ['Besnik', 'Arben'],
    last: ['Krasniqi', 'Berisha'],
  },
  {
    country: 'BA',
    languages: ['bs', 'hr'],
    female: ['Amra', 'Lejla'],
    male: ['Edin', 'Adnan'],
    last: ['Hodžić', 'Begić'],
  },
  {
    country: 'GR',
    languages: ['el'],
    female: ['Eleni', 'Maria'],
    male: ['Nikos', 'Giorgos'],
    last: ['Papadopoulos', 'Georgiou'],
    lastFemale: ['Papadopoulou', 'Georgiou'],
  },
  {
    country: 'IT',
    languages: ['it'],
    female: ['Giulia', 'Chiara'],
    male: ['Matteo', 'Luca'],
    last: ['Esposito', 'Ricci'],
  },
  {
    country: 'BR',
    languages: ['pt'],
    female: ['Camila', 'Juliana'],
    male: ['Rafael', 'Thiago'],
    last: ['Souza', 'Oliveira'],
  },
  {
    country: 'DE',
    languages: ['de'],
    female: ['Katrin', 'Sabine', 'Anja'],
    male: ['Jens', 'Thomas'],
    last: ['Brandt', 'Hoffmann', 'Lehmann'],
  },
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
  hannoverTrainer: 'kursleitung@hannover.example',
  osnabrueckCoordinator: 'koordination@osnabrueck.example',
  funder: 'land@lotsennetz.example',
} as const;
