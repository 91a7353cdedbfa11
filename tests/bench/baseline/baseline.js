// The plain page the benchmark compares runner-token with: one fetch, one render.
const form = document.getElementById('form');
const $ = (id) => document.getElementById(id);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const org = $('org').value.trim();
  const api = $('api').value.trim().replace(/\/$/, '');
  const web = api.endsWith('/api/v3') ? api.slice(0, -7) : api.replace('://api.', '://');
  const response = await fetch(`${api}/orgs/${encodeURIComponent(org)}/actions/runners/registration-token`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${$('token').value.trim()}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
  });
  const body = await response.json();
  $('result-heading').textContent = `Registration token for ${org}`;
  $('expires').textContent = new Date(body.expires_at).toLocaleString();
  $('command').textContent = `./config.sh --url ${web}/${org} --token ${body.token}`;
  $('repos').replaceChildren(...(body.repositories || []).map((r) => {
    const li = document.createElement('li');
    li.textContent = r.full_name;
    return li;
  }));
  $('result').hidden = false;
});
form.querySelector('button').disabled = false;
