// Name material for synthetic members: common given names and surnames per background, combined
// at random so no generated person is a real one. Surnames may carry a Dutch prefix ("van der").

export type NameOrigin =
  | "dutch"
  | "moroccan"
  | "turkish"
  | "surinamese"
  | "hindustani"
  | "caribbean"
  | "somali"
  | "eritrean"
  | "ukrainian"
  | "polish"
  | "syrian"
  | "afghan"
  | "chinese"
  | "moluccan"
  | "ghanaian";

export interface NameGroup {
  first: readonly string[];
  last: readonly string[];
}

export const NAMES: Readonly<Record<NameOrigin, NameGroup>> = Object.freeze({
  dutch: {
    first: [
      "Jan",
      "Pieter",
      "Daan",
      "Bram",
      "Sander",
      "Thijs",
      "Ruben",
      "Joost",
      "Martijn",
      "Bas",
      "Koen",
      "Wouter",
      "Jeroen",
      "Niels",
      "Sanne",
      "Lotte",
      "Femke",
      "Anouk",
      "Marloes",
      "Esther",
      "Inge",
      "Mirjam",
      "Eva",
      "Iris",
      "Noor",
      "Fleur",
      "Lieke",
      "Marieke",
      "Kees",
      "Gerrit",
      "Hanneke",
      "Ingrid",
      "Tessa",
      "Jesse",
      "Sem",
      "Lars",
      "Floor",
      "Maaike",
      "Robin",
      "Sam",
      "Charlotte",
      "Willem",
    ],
    last: [
      "de Jong",
      "Jansen",
      "de Vries",
      "van den Berg",
      "van Dijk",
      "Bakker",
      "Janssen",
      "Visser",
      "Smit",
      "Meijer",
      "de Boer",
      "Mulder",
      "de Groot",
      "Bos",
      "Vos",
      "Peters",
      "Hendriks",
      "van Leeuwen",
      "Dekker",
      "Brouwer",
      "de Wit",
      "Dijkstra",
      "Smits",
      "de Graaf",
      "van der Meer",
      "van der Linden",
      "Kok",
      "Jacobs",
      "de Haan",
      "Vermeulen",
      "van den Heuvel",
      "van der Veen",
      "van den Broek",
      "de Bruijn",
      "Schouten",
      "Willems",
      "Hoekstra",
      "Postma",
      "Kuipers",
      "Veenstra",
      "Wijnands",
      "Timmermans",
    ],
  },
  moroccan: {
    first: [
      "Mohammed",
      "Yassine",
      "Karim",
      "Said",
      "Hamza",
      "Bilal",
      "Nordin",
      "Rachid",
      "Fatima",
      "Nora",
      "Samira",
      "Khadija",
      "Ikram",
      "Soufiane",
      "Naima",
      "Hafsa",
      "Yousra",
      "Anouar",
    ],
    last: [
      "El Amrani",
      "Bouzid",
      "El Idrissi",
      "Ouali",
      "Boukhari",
      "Azzouz",
      "Tahiri",
      "El Khattabi",
      "Ben Ali",
      "Bakkali",
      "Amrani",
      "Chaouch",
      "El Hamdaoui",
      "Aissaoui",
    ],
  },
  turkish: {
    first: [
      "Emre",
      "Mehmet",
      "Murat",
      "Burak",
      "Serkan",
      "Kerem",
      "Hakan",
      "Ayşe",
      "Elif",
      "Zeynep",
      "Fatma",
      "Derya",
      "Esra",
      "Özlem",
      "Gökhan",
      "Sibel",
      "Cem",
      "Tuba",
    ],
    last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç", "Kurt", "Özdemir", "Polat"],
  },
  surinamese: {
    first: [
      "Jairo",
      "Ryan",
      "Kenneth",
      "Glenn",
      "Romano",
      "Chanella",
      "Shirley",
      "Naomi",
      "Gwendolyn",
      "Regillio",
      "Priscilla",
      "Dwayne",
      "Quincy",
      "Jennifer",
    ],
    last: [
      "Pinas",
      "Kromodimedjo",
      "Eduards",
      "Wijngaarde",
      "Tjon A Fat",
      "Sedney",
      "Linger",
      "Kanhai",
      "Graanoogst",
      "Brunings",
      "Soekhoe",
      "Asabina",
      "Abena",
    ],
  },
  hindustani: {
    first: ["Ravi", "Anil", "Rajesh", "Vikash", "Sunil", "Shanti", "Anjali", "Sharmila", "Priya", "Rakesh", "Kavita", "Deepak"],
    last: ["Ramdin", "Jagessar", "Mahabier", "Ramkhelawan", "Sewdien", "Bhagwandin", "Autar", "Baldewsingh", "Girdhari", "Ramsaran"],
  },
  caribbean: {
    first: ["Jurgen", "Giovanni", "Shurandy", "Jeandro", "Ashley", "Shakira", "Yasmina", "Roderick", "Glenda", "Jeanette", "Ricardo", "Churandy"],
    last: ["Martina", "Statia", "Rosaria", "Maduro", "Croes", "Winklaar", "Sulvaran", "Isenia", "Koolman", "Wever", "Josephia", "Anthony"],
  },
  somali: {
    first: ["Abdi", "Abdirahman", "Mohamed", "Farah", "Ahmed", "Hodan", "Ayaan", "Faduma", "Sahra", "Hawa", "Ifrah", "Nasra", "Liban", "Hamdi"],
    last: ["Hassan", "Abdullahi", "Warsame", "Yusuf", "Osman", "Jama", "Ali", "Omar", "Nur", "Ismail", "Guled", "Egal"],
  },
  eritrean: {
    first: ["Dawit", "Yonas", "Tesfay", "Senait", "Helen", "Selam", "Mehari", "Filmon", "Aster", "Rahel", "Samuel", "Mussie"],
    last: ["Tesfamariam", "Ghebreyesus", "Haile", "Kidane", "Berhane", "Tekle", "Andemariam", "Woldu", "Abraham", "Gebremedhin"],
  },
  ukrainian: {
    first: ["Oksana", "Olena", "Iryna", "Natalia", "Yulia", "Kateryna", "Andriy", "Oleksandr", "Dmytro", "Serhiy", "Taras", "Viktoria", "Mykola", "Svitlana"],
    last: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Koval", "Moroz", "Lysenko", "Marchenko", "Savchenko"],
  },
  polish: {
    first: ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Marek", "Agnieszka", "Katarzyna", "Magdalena", "Anna", "Joanna", "Kasia", "Michał"],
    last: ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Dąbrowska", "Kaczmarek"],
  },
  syrian: {
    first: ["Omar", "Khaled", "Ahmad", "Mahmoud", "Rami", "Lina", "Rania", "Dima", "Hiba", "Nour", "Yara", "Tarek", "Bashar", "Reem"],
    last: ["Al-Hassan", "Haddad", "Khoury", "Al-Ahmad", "Darwish", "Haj Ali", "Sabbagh", "Al-Khatib", "Mansour", "Nasser", "Barakat"],
  },
  afghan: {
    first: ["Ahmad", "Farid", "Jawad", "Massoud", "Wahid", "Nadia", "Mariam", "Fereshta", "Zahra", "Shabnam", "Hamid", "Sohrab"],
    last: ["Ahmadi", "Rahimi", "Karimi", "Sultani", "Popal", "Noori", "Hashimi", "Wardak", "Hakimi", "Azizi", "Stanikzai"],
  },
  chinese: {
    first: ["Wei", "Jun", "Ming", "Lei", "Hui", "Ling", "Mei", "Xiao", "Jia", "Chen", "Kevin", "Linda", "Jenny"],
    last: ["Chan", "Wong", "Li", "Zhang", "Wang", "Liu", "Cheung", "Lam", "Ho", "Tang", "Yeung", "Chen"],
  },
  moluccan: {
    first: ["Johnny", "Nico", "Max", "Ronald", "Mercy", "Ivonne", "Semmy", "Djoni", "Esther", "Ivo", "Vera"],
    last: ["Latuhihin", "Pattiasina", "Tuhuteru", "Sahetapy", "Lewerissa", "Wattimena", "Leiwakabessy", "Manuhutu", "Soumokil", "Tutuarima"],
  },
  ghanaian: {
    first: ["Kwame", "Kofi", "Kwabena", "Yaw", "Akosua", "Ama", "Abena", "Efua", "Kojo", "Adwoa", "Emmanuel", "Grace"],
    last: ["Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Agyeman", "Darko", "Ofori", "Acheampong", "Amponsah"],
  },
} satisfies Record<NameOrigin, NameGroup>);

/** An e-mail local part from a name: lowercase ASCII, "voornaam.achternaam". */
export function emailLocalPart(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ı/g, "i")
      .replace(/ł/g, "l")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
  return `${clean(first)}.${clean(last)}`;
}
