/** writeZip(): entries in order, one date, readable by JSZip; dates a ZIP cannot hold are brought within range. */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { writeZip } from '../pipeline/output/zip-write.js'

const entries = [
  { name: 'mimetype', data: 'application/epub+zip', store: true },
  { name: 'OEBPS/text.xhtml', data: '<p>香港約章</p>'.repeat(50) }
]

async function read(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  return Promise.all(Object.values(zip.files).map(async (entry) => ({ name: entry.name, date: entry.date.toISOString(), text: await entry.async('string') })))
}

describe('writeZip()', () => {
  it('writes the entries in order, each dated the given date', async () => {
    const files = await read(writeZip(entries, new Date('2021-07-01T12:34:56Z')))
    expect(files).toEqual(entries.map(({ name, data }) => ({ name, date: '2021-07-01T12:34:56.000Z', text: data })))
  })

  it('dates entries 1980-01-01 when given an earlier date, as SOURCE_DATE_EPOCH=0 gives', async () => {
    const files = await read(writeZip(entries, new Date(0)))
    expect(files.map(({ date }) => date)).toEqual(['1980-01-01T00:00:00.000Z', '1980-01-01T00:00:00.000Z'])
  })
})
