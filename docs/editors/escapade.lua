-- escapade.lua: escapade's diagnostics in Neovim (0.7 or newer).
--
-- Runs `escapade --format=lsp` on the program's bitcode and puts each
-- diagnostic on the buffer of its file, as a language server would
-- (vim.diagnostic: signs, virtual text, :lua vim.diagnostic.setqflist()).
-- Install: copy this file to ~/.config/nvim/lua/escapade.lua and add to
-- init.lua
--
--   require("escapade").setup({
--     cmd = { "escapade", "--format=lsp", "-p", "build" },
--   })
--
-- then run :Escapade (again after a rebuild). cmd is the whole command:
-- bitcode files (`escapade --format=lsp a.bc b.bc`) or a compile database
-- (`-p build`); add `--level=conservative`, `--files=src/*.c`, ... at will.
-- Flow steps (relatedInformation) are added to the message, one per line.
local M = {}

local ns = vim.api.nvim_create_namespace("escapade")

M.config = { cmd = { "escapade", "--format=lsp", "-p", "build" } }

local function message(d)
  local lines = { d.message }
  for _, r in ipairs(d.relatedInformation or {}) do
    table.insert(lines, "  " .. r.message)
  end
  return table.concat(lines, "\n")
end

-- Sets the diagnostics of one report (the decoded JSON array); returns the
-- number of diagnostics set.
function M.publish(report)
  vim.diagnostic.reset(ns)
  local n = 0
  for _, file in ipairs(report) do
    local bufnr = vim.uri_to_bufnr(file.uri)
    local items = {}
    for _, d in ipairs(file.diagnostics) do
      table.insert(items, {
        lnum = d.range.start.line,
        col = d.range.start.character,
        end_lnum = d.range["end"].line,
        end_col = d.range["end"].character,
        severity = d.severity, -- LSP's and vim.diagnostic's numbers agree
        source = d.source,
        code = d.code,
        message = message(d),
      })
    end
    vim.diagnostic.set(ns, bufnr, items)
    n = n + #items
  end
  return n
end

-- Runs the command; on_done(count or nil, error) when it has finished.
function M.run(on_done)
  local out, err = {}, {}
  vim.fn.jobstart(M.config.cmd, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data) out = data end,
    on_stderr = function(_, data) err = data end,
    on_exit = function(_, code)
      local text = table.concat(out, "\n")
      local ok, report = pcall(vim.json.decode, text)
      if code ~= 0 and code ~= 3 or not ok then
        local why = table.concat(err, "\n")
        vim.notify("escapade: " .. (why ~= "" and why or "no report"),
                   vim.log.levels.ERROR)
        if on_done then on_done(nil, why) end
        return
      end
      local n = M.publish(report)
      if on_done then on_done(n) end
    end,
  })
end

function M.setup(opts)
  M.config = vim.tbl_extend("force", M.config, opts or {})
  vim.api.nvim_create_user_command("Escapade", function() M.run() end, {})
end

return M
