/** Name pools for seeded people, grouped by country of citizenship (ISO 3166-1 alpha-3). */
export const COUNTRIES: readonly {
  code: string;
  weight: number;
  family: string[];
  given: string[];
  french?: boolean;
}[] = [
  {
    code: 'IND',
    weight: 24,
    family: ['Sharma', 'Patel', 'Singh', 'Kaur', 'Gupta', 'Reddy', 'Iyer', 'Nair'],
    given: ['Priya', 'Arjun', 'Harpreet', 'Ananya', 'Rohan', 'Simran', 'Vikram', 'Neha'],
  },
  {
    code: 'CHN',
    weight: 10,
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang'],
    given: ['Wei', 'Fang', 'Jing', 'Lei', 'Min', 'Xiu'],
  },
  {
    code: 'PHL',
    weight: 8,
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia'],
    given: ['Maria', 'Jose', 'Angelica', 'Mark', 'Kristine'],
  },
  {
    code: 'NGA',
    weight: 7,
    family: ['Okafor', 'Adeyemi', 'Eze', 'Balogun', 'Ogunleye'],
    given: ['Amara', 'Chinedu', 'Folake', 'Tunde', 'Ngozi'],
  },
  {
    code: 'FRA',
    weight: 5,
    family: ['Martin', 'Bernard', 'Dubois', 'Lefebvre', 'Moreau'],
    given: ['Camille', 'Julien', 'Élodie', 'Mathieu', 'Chloé'],
    french: true,
  },
  {
    code: 'MAR',
    weight: 4,
    family: ['Benali', 'El Amrani', 'Idrissi', 'Tazi'],
    given: ['Yasmine', 'Karim', 'Salma', 'Mehdi'],
    french: true,
  },
  {
    code: 'HTI',
    weight: 3,
    family: ['Joseph', 'Pierre', 'Jean-Baptiste', 'Charles'],
    given: ['Wislande', 'Jean', 'Roseline', 'Fritz'],
    french: true,
  },
  {
    code: 'LBN',
    weight: 3,
    family: ['Haddad', 'Khoury', 'Nasser', 'Saab'],
    given: ['Mireille', 'Georges', 'Rana', 'Elie'],
    french: true,
  },
  {
    code: 'MEX',
    weight: 4,
    family: ['Hernández', 'López', 'Martínez', 'González'],
    given: ['Sofía', 'Diego', 'Valeria', 'Luis'],
  },
  {
    code: 'BRA',
    weight: 3,
    family: ['Silva', 'Souza', 'Oliveira', 'Costa'],
    given: ['Ana', 'Pedro', 'Beatriz', 'Lucas'],
  },
  {
    code: 'IRN',
    weight: 4,
    family: ['Hosseini', 'Ahmadi', 'Rezaei', 'Karimi'],
    given: ['Sara', 'Reza', 'Maryam', 'Ali'],
  },
  {
    code: 'PAK',
    weight: 4,
    family: ['Khan', 'Ahmed', 'Qureshi', 'Malik'],
    given: ['Ayesha', 'Bilal', 'Fatima', 'Usman'],
  },
  {
    code: 'VNM',
    weight: 3,
    family: ['Nguyen', 'Tran', 'Le', 'Pham'],
    given: ['Linh', 'Minh', 'Thao', 'Quang'],
  },
  {
    code: 'COL',
    weight: 2,
    family: ['Rodríguez', 'Gómez', 'Díaz', 'Vargas'],
    given: ['Camila', 'Andrés', 'Daniela', 'Santiago'],
  },
  {
    code: 'UKR',
    weight: 3,
    family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko'],
    given: ['Olena', 'Andriy', 'Iryna', 'Dmytro'],
  },
  {
    code: 'GBR',
    weight: 2,
    family: ['Smith', 'Jones', 'Taylor', 'Brown'],
    given: ['Emily', 'James', 'Olivia', 'Harry'],
  },
];

export const REPRESENTATIVE_NAMES = {
  family: [
    'Roy',
    'Gagnon',
    'MacDonald',
    'Wong',
    'Bouchard',
    'Thompson',
    'Côté',
    'Lee',
    'Campbell',
    'Fortin',
    'Grewal',
    'Ali',
  ],
  given: [
    'Catherine',
    'David',
    'Isabelle',
    'Michael',
    'Nathalie',
    'Ravi',
    'Sophie',
    'Daniel',
    'Hélène',
    'Kevin',
  ],
  firms: [
    'Maple Immigration Law',
    'Roy & Associés',
    'Pacific Pathways Consulting',
    'Northern Gateway Immigration',
    'Clinique juridique de Montréal',
    null,
  ],
};
