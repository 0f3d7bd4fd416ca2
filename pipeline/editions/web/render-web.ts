/**
 * The web edition's page: a language switch (every language, or one), the title, each
 * section with its clauses (side by side on a wide screen, one after the other on a
 * phone), the sign-up criteria, the public signatories and a colophon. The switch is
 * radio buttons and CSS (`:has()`), so it works with scripts off; where a browser lacks
 * `:has()`, every language shows, which still reads.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { BuildFonts } from '../../fonts/font-subset.js'
import { preambleBlock, sectionBlock } from '../../markup/clauses.js'
import { publisherAndDate } from '../../markup/colophon.js'
import { criteriaSection, criteriaSideBySide } from '../../markup/criteria.js'
import { titleHeading } from '../../markup/headings.js'
import { toHtml } from '../../markup/html.js'
import type { Layout } from '../../markup/layout.js'
import { signatoryRoll } from '../../markup/signatory-roll.js'
import { fillTemplate, fontPlaceholders, readTemplate } from '../../markup/template.js'
import { cssLanguages, expandScripts } from '../../markup/language-css.js'
import { joinedTitle, type Document } from '../../source/document.js'
import { localize } from '../../source/publication-schema.js'
import { webFonts, type WebFont } from './web-fonts.js'

export interface WebPage {
  html: string
  /** The font files the page names, each at its `url` relative to the page. */
  fonts: WebFont[]
}

/** Side by side on a wide screen (a grid), each language a `.part` the switch can hide. */
const layout: Layout = { headings: 'parts', partClass: ['part'], pairs: true, number: 'cell' }

/** Renders the web edition of `document`, with its fonts subset to the page's text. */
export async function renderWeb(document: Document, fonts: BuildFonts): Promise<WebPage> {
  const [template, css] = await Promise.all([readTemplate('web.html'), readTemplate('web.css')])
  const body: Element[] = [
    languageSwitch(document),
    h('header', { className: ['masthead'] }, [titleHeading(document, layout)]),
    h('main', [
      ...preambleBlock(document, layout),
      ...document.sections.map((section) => sectionBlock(document, section, layout)),
      ...(document.criteria ? [criteriaSection(document, layout, criteriaSideBySide(document, layout))] : []),
      switchable(signatoryRoll(document, { reflow: true }))
    ]),
    h('footer', { className: ['colophon'] }, document.languages.map(({ lang }) =>
      h('p', { lang, className: ['part'] }, publisherAndDate(document, lang, localize(document.publication.rights, lang)))
    ))
  ]
  const subset = await webFonts(fonts, body)
  const html = fillTemplate(template, {
    html: {
      css: expandScripts(
        fillTemplate(css, {
          html: {
            ...fontPlaceholders(fonts.stacks, cssLanguages(document), subset.css),
            languages: String(document.languages.length),
            switch: switchRules(document)
          }
        }),
        cssLanguages(document)
      ),
      body: toHtml(body)
    },
    text: { lang: document.languages[0].lang, title: joinedTitle(document) }
  })
  return { html, fonts: subset.fonts }
}

/** The name of a language in itself (`English`, `中文`), from the runtime's CLDR data. */
function languageName(lang: string): string {
  const base = new Intl.Locale(lang).language
  return new Intl.DisplayNames([lang], { type: 'language' }).of(base) ?? lang
}

/** The switch's name in the languages charter knows it in; others use their file's `languageSwitch` label, or the English. */
const switchNames: Record<string, string> = { en: 'Languages shown', zh: '顯示的語言', yue: '顯示嘅語言', fr: 'Langues affichées', de: 'Angezeigte Sprachen', ja: '表示する言語' }

/** The switch's name in `lang`: its label, else charter's own, else the English. */
function switchName(lang: string, labels: { languageSwitch?: string }): { lang: string; text: string } {
  if (labels.languageSwitch) return { lang, text: labels.languageSwitch }
  const own = switchNames[new Intl.Locale(lang).language]
  return own ? { lang, text: own } : { lang: 'en', text: switchNames.en }
}

/**
 * One radio button per choice: every language (checked), then each language alone. A
 * region of its own, named in every language, as is the group of buttons: a screen reader
 * says what the buttons choose, and finds the switch among the page's landmarks.
 */
function languageSwitch(document: Document): Element {
  const names = document.languages.map(({ lang, labels }) => switchName(lang, labels))
  const name = h('span', { id: 'switch-name', className: ['visually-hidden'], ariaHidden: 'true' }, names.flatMap(({ lang, text }, index): ElementContent[] => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
    h('span', { lang }, text)
  ]))
  const all = document.languages.flatMap(({ lang }, index): ElementContent[] => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' + ' }] : []),
    h('span', { lang }, languageName(lang))
  ])
  const choices = [
    { id: 'show-all', label: h('label', { htmlFor: 'show-all' }, all), checked: true },
    ...document.languages.map(({ lang }) => ({
      id: `show-${lang}`,
      label: h('label', { htmlFor: `show-${lang}`, lang }, languageName(lang)),
      checked: false
    }))
  ]
  return h('section', { className: ['switch'], ariaLabelledBy: 'switch-name' }, [
    name,
    h('div', { className: ['switch-choices'], role: 'radiogroup', ariaLabelledBy: 'switch-name' }, choices.flatMap(({ id, label, checked }) => [
      h('input', { type: 'radio', name: 'show', id, checked }),
      label
    ]))
  ])
}

/** CSS hiding every other language's parts while one language is chosen. */
function switchRules(document: Document): string {
  return document.languages
    .map(({ lang }) => `body:has(#show-${lang}:checked) .part:not([lang="${lang}"]) { display: none; }`)
    .join('\n')
}

/** Marks the roll's labels (not the names, which stay in every script) as language parts. */
function switchable(roll: Element): Element {
  for (const block of roll.children) {
    if (block.type !== 'element') continue
    for (const holder of [block, ...block.children.filter((child): child is Element => child.type === 'element')]) {
      if (!['h2', 'h3', 'p'].includes(holder.tagName)) continue
      for (const part of holder.children) {
        if (part.type === 'element' && part.properties.lang) part.properties.className = ['part']
      }
    }
  }
  return roll
}
