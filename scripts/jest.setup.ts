// jest 29 ignores testTimeout inside a `projects` entry, so the scripts project (browser, bench smoke,
// org fakes: they start real servers and Chromium) sets its longer timeout here.
jest.setTimeout(120_000);
