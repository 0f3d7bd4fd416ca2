/**
 * How the build's Chromium is started: its flags, its environment, and a fontconfig of its
 * own, each chosen so that the browser prints the same pages on every machine, makes no
 * connection of any kind and writes nothing outside the build's scratch folder.
 */
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { escapeHtml } from '../markup/escape.js'
import type { FontFace } from '../fonts/fonts.js'

/** The command-line flags, for a browser whose scratch folder is `scratch`. */
export function browserFlags(scratch: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-extensions',
    '--font-render-hinting=none',
    '--no-startup-window',
    // No name is ever looked up, and no connection opened: a page's every request is
    // answered from memory (see page-files.ts), but Chromium opens the connections that
    // <link rel=preconnect> and dns-prefetch ask for without a request anyone can see.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    // Crash reports went to ~/.config/chromium/Crash Reports, naming the build's folders
    // and so the user; they stay in the scratch folder, deleted with it.
    `--crash-dumps-dir=${path.join(scratch, 'crashes')}`,
    '--disable-breakpad',
    // Chromium 156 preloads the address bar's dropdown, a web page of its own, into a
    // renderer of its own as soon as a tab opens: 0.8 s of processor time per build
    // (renderer and browser) on a toolbar no one sees.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
  ]
}

/**
 * The browser's environment: the machine's, without the fontconfig variables that would
 * move or add to its own, with a home of its own in `scratch` (Chromium and the libraries
 * it loads, GLib's dconf and NSS, write caches and settings under HOME and the XDG folders,
 * which would outlive the build), UTC and a fixed locale.
 */
export function browserEnv(scratch: string, fontconfig: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const own = { ...env }
  for (const name of ['FONTCONFIG_PATH', 'FONTCONFIG_SYSROOT', 'FC_DEBUG']) delete own[name]
  const home = path.join(scratch, 'home')
  return {
    ...own,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    GSETTINGS_BACKEND: 'memory',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    TMPDIR: scratch,
    FONTCONFIG_FILE: fontconfig
  }
}

/**
 * Chromium finds fonts, and how to draw them, through fontconfig, which reads the machine's
 * settings: Debian's, a desktop's, or a user's own ~/.config/fontconfig. Those reach the
 * layout. Full hinting, say, moved a line break in every Chinese paragraph of the reading
 * edition, so the same source printed differently on two machines. The browser gets a
 * fontconfig of its own instead: the project's faces (fonts/fonts.json) as its only fonts,
 * so a character they lack can never be drawn from a system font, and drawing settings
 * written out here (Debian's defaults, so the files stayed byte for byte the same).
 * Returns the configuration file's path; it and fontconfig's cache live in `scratch`. At
 * once (a few small files), so that nothing stands between the build's start and Chromium's.
 */
export function pinFontconfig(scratch: string, faces: FontFace[]): string {
  const fonts = path.join(scratch, 'fonts')
  mkdirSync(fonts)
  // The families' own TrueType files, not the fallback's hundred WOFF2 slices, which
  // fontconfig read through at every start (0.4 s), and which pages load as they need them.
  // The exact files, not the packages' folders, which hold other weights: hard links, which
  // need no privilege on any system (a symbolic link needs Developer Mode on Windows), or
  // copies where the scratch folder is on another disk.
  for (const face of faces.filter((each) => each.format === 'truetype' && !each.fallback)) {
    const file = path.join(fonts, `${face.slug}.ttf`)
    try {
      linkSync(face.file, file)
    } catch {
      copyFileSync(face.file, file)
    }
  }
  const file = path.join(scratch, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${escapeHtml(fonts)}</dir>
  <cachedir>${escapeHtml(path.join(scratch, 'fontconfig-cache'))}</cachedir>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="autohint" mode="assign"><bool>false</bool></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
`
  )
  return file
}
