/** Russian UI strings of the public site. The reference for every other catalogue. */
export const ru = {
  agencyKind: 'Информационное агентство',
  home: 'Главная',
  newsFeed: 'Лента новостей',
  allNews: 'Все новости',
  latestNews: 'Последние новости',
  mainStory: 'Главное',
  mostRead: 'Самое читаемое',
  mostRead24h: '24 часа',
  mostRead7d: '7 дней',
  breaking: 'Срочно',
  readMore: 'Читать далее',
  minutesShort: (n: number) => `${n} мин`,
  readingTimeLabel: 'Время чтения',
  viewsLabel: 'Просмотры',
  rubric: 'Рубрика',
  tags: 'Теги',
  author: 'Автор',
  authors: 'Авторы',
  share: 'Поделиться',
  copyLink: 'Скопировать ссылку',
  related: 'Читайте также',
  sections: 'Рубрики',
  search: 'Поиск',
  searchPlaceholder: 'Поиск по новостям',
  searchResults: (q: string, n: number) => `По запросу «${q}» ${pluralRu(n, 'найдена', 'найдено', 'найдено')} ${n} ${pluralRu(n, 'новость', 'новости', 'новостей')}`,
  searchEmpty: 'Введите слово или фразу, чтобы найти новости.',
  nothingFound: 'Ничего не найдено. Попробуйте другие слова.',
  tagTitle: (name: string) => `Новости по теме «${name}»`,
  authorTitle: (name: string) => `Материалы автора: ${name}`,
  pageN: (n: number) => `Страница ${n}`,
  prevPage: 'Назад',
  nextPage: 'Вперёд',
  pagination: 'Страницы',
  language: 'Язык',
  menu: 'Меню',
  skipToContent: 'Перейти к содержанию',
  telegramTitle: 'Подпишись на наш Telegram-канал',
  telegramText: 'Будь в курсе всех новостей и обновлений первым!',
  telegramButton: 'Перейти в канал',
  notFoundTitle: 'Страница не найдена',
  notFoundText: 'Такой страницы нет: возможно, она была удалена или адрес набран с ошибкой.',
  badRequestTitle: 'Неверный запрос',
  badPage: 'Номер страницы должен быть целым положительным числом.',
  backHome: 'На главную',
  footerRights: (year: number, name: string) => `© ${year} ${name}. Все права защищены.`,
  footerReuse: 'При использовании материалов ссылка на агентство обязательна.',
  rss: 'RSS',
  today: 'Сегодня',
  emptyList: 'Здесь пока нет материалов.',
  photoLabel: 'Фото',
};

export type Messages = typeof ru;

/** Russian plural forms (CLDR: one, few, many) via Intl.PluralRules. */
const rules = new Intl.PluralRules('ru');
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const r = rules.select(n);
  return r === 'one' ? one : r === 'few' ? few : many;
}
