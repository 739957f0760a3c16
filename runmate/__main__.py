from runmate.cli import main

raise SystemExit(main())
