-- A headless Neovim (0.7 or later) session with doclint's language server, run by tests/test_lsp_neovim.py:
--   nvim --headless -u NONE -i NONE -c "luafile tests/nvim/session.lua"
-- Environment: DOCLINT_SERVER (the server command, JSON), DOCLINT_WORK (a folder holding the copies
-- quickfix.txt, fixall.txt and unicode.md). Writes results.json there and the buffers as *.out files.
local work = vim.env.DOCLINT_WORK
local results = { logs = {} }
local first_push = {}

local function save(name, value)
  vim.fn.writefile({ vim.fn.json_encode(value) }, work .. '/' .. name)
end

local function wait(what, condition)
  if not vim.wait(30000, condition, 5) then
    error('timed out waiting for ' .. what)
  end
end

local function ms(nanoseconds)
  return nanoseconds / 1e6
end

local started = vim.loop.hrtime()
local client_id = vim.lsp.start_client({
  name = 'doclint',
  cmd = vim.fn.json_decode(vim.env.DOCLINT_SERVER),
  root_dir = work,
  on_init = function()
    results.initialized_after_ms = ms(vim.loop.hrtime() - started)
  end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if first_push[result.uri] == nil then
        first_push[result.uri] = { at = vim.loop.hrtime(), diagnostics = result.diagnostics }
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
    ['window/logMessage'] = function(_, result)
      table.insert(results.logs, result.message)
    end,
  },
})

-- Open a file as a user does and attach the server; returns the buffer once its diagnostics are shown.
local function open(name, filetype)
  vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/' .. name))
  local buffer = vim.api.nvim_get_current_buf()
  vim.bo[buffer].filetype = filetype
  local opened = vim.loop.hrtime()
  vim.lsp.buf_attach_client(buffer, client_id)
  wait('diagnostics for ' .. name, function()
    return #vim.diagnostic.get(buffer) > 0
  end)
  local uri = vim.uri_from_bufnr(buffer)
  return buffer, uri, opened
end

local function request(buffer, method, params)
  local responses = vim.lsp.buf_request_sync(buffer, method, params, 30000)
  local response = responses and responses[client_id]
  if response == nil or response.err then
    error(method .. ' failed: ' .. vim.inspect(response))
  end
  return response.result
end

-- Apply the first code action of `kind` for the given raw diagnostic (or the whole buffer) and save the buffer.
local function apply_action(buffer, uri, kind, diagnostic, output)
  local span = diagnostic and diagnostic.range or { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }
  local actions = request(buffer, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = span,
    context = { diagnostics = { diagnostic }, only = { kind } },
  })
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  vim.api.nvim_buf_call(buffer, function()
    vim.cmd('silent write! ' .. vim.fn.fnameescape(work .. '/' .. output))
  end)
  return actions[1].title
end

local function first_of(diagnostics, code)
  for _, diagnostic in ipairs(diagnostics) do
    if diagnostic.code == code then
      return diagnostic
    end
  end
  error('no ' .. code .. ' diagnostic')
end

local function session()
  vim.o.fixendofline = false -- write each buffer exactly as it is
  vim.o.swapfile = false

  local buffer, uri, opened = open('fixall.txt', 'text')
  local shown = vim.diagnostic.get(buffer)
  local arrived = first_push[uri].at
  results.seed = {
    diagnostics = #shown,
    codes = vim.tbl_map(function(d) return d.code end, first_push[uri].diagnostics),
    open_to_diagnostics_ms = ms(arrived - math.max(opened, started + results.initialized_after_ms * 1e6)),
    start_to_diagnostics_ms = ms(arrived - started),
  }
  results.fix_all_title = apply_action(buffer, uri, 'source.fixAll.doclint', nil, 'fixall.out')

  buffer, uri, opened = open('quickfix.txt', 'text') -- the same article again, now that the server is warm
  results.seed.warm_open_to_diagnostics_ms = ms(first_push[uri].at - opened)
  local comma = first_of(first_push[uri].diagnostics, 'DL301')
  results.quick_fix = { diagnostic = comma }
  results.quick_fix.title = apply_action(buffer, uri, 'quickfix', comma, 'quickfix.out')

  buffer, uri = open('unicode.md', 'markdown')
  comma = first_of(first_push[uri].diagnostics, 'DL301')
  for _, shown_diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    if shown_diagnostic.message == comma.message then
      results.unicode = { line = shown_diagnostic.lnum, byte_column = shown_diagnostic.col }
    end
  end
  results.unicode.title = apply_action(buffer, uri, 'quickfix', comma, 'unicode.out')
end

local ok, failure = pcall(session)
results.error = not ok and tostring(failure) or nil
save('results.json', results)
vim.lsp.stop_client(client_id)
vim.cmd(ok and 'qall!' or 'cquit! 1')
