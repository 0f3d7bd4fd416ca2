// @ts-check
/** A long signatory list for the benchmarks, the same every run. */

const surnames = [['CHAN', '陳'], ['WONG', '黃'], ['LEUNG', '梁'], ['LAU', '劉'], ['CHEUNG', '張'], ['LEE', '李'], ['NG', '吳'], ['HO', '何'], ['TSANG', '曾'], ['LAM', '林'], ['CHOW', '周'], ['YEUNG', '楊'], ['FUNG', '馮'], ['KWOK', '郭'], ['TAM', '譚'], ['MAK', '麥'], ['TANG', '鄧'], ['YIP', '葉'], ['SO', '蘇'], ['LO', '盧']]
// Given names are two syllables from this list (in Chinese and in Hong Kong romanisation).
const syllables = [['Ka', '嘉'], ['Wai', '偉'], ['Chi', '志'], ['Hoi', '凱'], ['Tsz', '子'], ['Siu', '小'], ['Mei', '美'], ['Kwok', '國'], ['Wing', '詠'], ['Ho', '浩'], ['Man', '文'], ['Fung', '峰'], ['Ting', '婷'], ['Kin', '健'], ['Ming', '明'], ['Ling', '玲'], ['Yan', '欣'], ['Sze', '詩'], ['Yin', '然'], ['Hei', '希'], ['Lok', '樂'], ['Chun', '俊'], ['Yu', '宇'], ['Tung', '彤'], ['Hang', '恆'], ['Pui', '佩'], ['Shing', '成'], ['Kit', '傑'], ['Wah', '華'], ['On', '安']]
const english = ['Alex', 'Joanne', 'Nathan', 'Grace', 'Vincent', 'Karen', 'Marcus', 'Iris', 'Dennis', 'Winnie', 'Kelvin', 'Phoebe', 'Jason', 'Cherry', 'Louis', 'Yvonne']
const places = [['London', '倫敦'], ['Manchester', '曼徹斯特'], ['Toronto', '多倫多'], ['Vancouver', '溫哥華'], ['Sydney', '悉尼'], ['Taipei', '台北'], ['Berlin', '柏林'], ['Melbourne', '墨爾本']]

/** A deterministic pseudo-random sequence, so every run measures the same list. */
function random(seed) {
  let state = seed
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648
    // The low bits of this generator repeat quickly; the high ones do not.
    return Math.floor((state / 2147483648) * n)
  }
}

/**
 * The signatory list as YAML, every name different (a repeated name is an error): one
 * organisation in twenty; individuals in Chinese, in English or both; one in fifty not public.
 */
export function signatoriesYaml(total) {
  const pick = random(2021)
  const organisations = []
  const individuals = []
  const seen = new Set()
  while (organisations.length + individuals.length < total) {
    const index = organisations.length + individuals.length
    if (index % 20 === 0) {
      const [place, placeZh] = places[pick(places.length)]
      const number = organisations.length + 1
      organisations.push(`  - name: Hongkongers in ${place} ${number}\n    name-zh: ${placeZh}港人第${number}會`)
      continue
    }
    const [surname, surnameZh] = surnames[pick(surnames.length)]
    const [[first, firstZh], [second, secondZh]] = [syllables[pick(syllables.length)], syllables[pick(syllables.length)]]
    const latin = `${english[pick(english.length)]} ${surname} ${first} ${second}`
    const chinese = `${surnameZh}${firstZh}${secondZh}`
    const kind = pick(3)
    const key = kind === 0 ? chinese : kind === 1 ? latin : `${latin}|${chinese}`
    if (seen.has(key) || seen.has(chinese) || seen.has(latin)) continue
    seen.add(key)
    const entry = kind === 0 ? `  - name-zh: ${chinese}` : kind === 1 ? `  - name: ${latin}` : `  - name: ${latin}\n    name-zh: ${chinese}`
    individuals.push(pick(50) === 0 ? `${entry}\n    public: false` : entry)
  }
  return `organisations:\n${organisations.join('\n')}\nindividuals:\n${individuals.join('\n')}\n`
}

